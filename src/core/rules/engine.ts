// Runs the rule catalog over a design: applies the user's severity overrides, attaches source
// locations, and keeps going if one rule throws (a bug in one rule must not hide the others' findings).
// After an edit it can re-run only the rules that read a kind of element or relation the edit changed.
import { designChanges } from '../model/design-changes';
import { noReads, Topology, type Reads } from '../model/topology';
import type { Design } from '../model/schema';
import { RULES } from './registry';
import type { Finding, Locator, RelatedInfo, Report, Rule, Severity } from './rule';
import type { RulesConfig } from './rules-config';

export interface ValidateOptions {
  readonly config?: RulesConfig;
  readonly locate?: Locator;
  /** Defaults to the full catalog; tests pass one rule. */
  readonly rules?: readonly Rule[];
}

/** One rule's run: its findings before location, and what it read (what an edit must change to affect it). */
interface RuleRun {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly findings: readonly Finding[];
  /** The internal-error finding of a rule that threw: never located, as it names no element. */
  readonly failure?: Finding;
  readonly reads: Reads;
}

/** A validation's findings and what it takes to redo it after an edit (see `validateDesignAfter`). */
export interface Validation {
  readonly design: Design;
  readonly findings: Finding[];
  readonly runs: ReadonlyMap<string, RuleRun>;
  /** How many rules ran (the others' findings were reused). */
  readonly ran: number;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function validateDesign(design: Design, options: ValidateOptions = {}): Finding[] {
  return validateDesignAfter(undefined, design, options).findings;
}

/**
 * Validates `design`, reusing from `previous` (a validation of an earlier version of it) the findings of every
 * rule that read nothing the edit changed; equal to `validateDesign(design, options)` (tested so).
 */
export function validateDesignAfter(previous: Validation | undefined, design: Design, options: ValidateOptions = {}): Validation {
  const changes = previous && designChanges(previous.design, design);
  // Built on the first rule that has to run: an edit that affects no rule costs no index of the design.
  let topology: Topology | undefined;
  const runs = new Map<string, RuleRun>();
  let ran = 0;
  for (const rule of options.rules ?? RULES) {
    const override = options.config?.rules?.[rule.meta.id];
    if (override === 'off') continue;
    const severity: Severity = override ?? rule.meta.severity;
    const before = previous?.runs.get(rule.meta.id);
    if (before && changes && before.rule === rule && before.severity === severity && !affects(changes, before.reads)) {
      runs.set(rule.meta.id, before);
      continue;
    }
    ran++;
    runs.set(rule.meta.id, runRule((topology ??= new Topology(design)), rule, severity));
  }
  const findings: Finding[] = [];
  const locate = options.locate;
  for (const run of runs.values()) {
    if (!locate) findings.push(...run.findings);
    else for (const f of run.findings) findings.push(located(f, locate));
    if (run.failure) findings.push(run.failure);
  }
  return { design, findings: findings.sort(compareFindings), runs, ran };
}

function runRule(topology: Topology, rule: Rule, severity: Severity): RuleRun {
  const findings: Finding[] = [];
  const reads = noReads();
  const report = ({ cannotTell, ...r }: Report) => {
    findings.push({ ...r, ruleId: rule.meta.id, severity: cannotTell ? 'info' : severity });
  };
  try {
    topology.track(reads, () => rule.check(topology, { report }));
  } catch (e) {
    // What the rule read before it threw is not all it reads: it runs again after any edit.
    reads.all = true;
    const failure: Finding = { ruleId: rule.meta.id, severity: 'error', message: `Internal error in rule ${rule.meta.id}: ${e instanceof Error ? e.message : String(e)}. Please report it.` };
    return { rule, severity, findings, failure, reads };
  }
  return { rule, severity, findings, reads };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A copy of `f` with its locations (the rule's finding is kept as is: a later validation reuses it). One
 * clone and assignments, not spreads of conditional objects: thousands of findings are located per run.
 * Key order is the rule's, then `location`, as JSON reports show it.
 */
function located(f: Finding, locate: Locator): Finding {
  const out: Mutable<Finding> = { ...f };
  const related = f.related;
  if (related) {
    const withLocations: RelatedInfo[] = new Array<RelatedInfo>(related.length);
    for (let i = 0; i < related.length; i++) withLocations[i] = { ...related[i]!, location: locate(related[i]!) };
    out.related = withLocations;
  }
  const location = locate(f);
  if (location) out.location = location;
  return out;
}

function affects(changes: Reads, reads: Reads): boolean {
  if (changes.all) return true;
  if (reads.all) return changes.elements.size > 0 || changes.relations.size > 0;
  for (const k of changes.elements) if (reads.elements.has(k)) return true;
  for (const k of changes.relations) if (reads.relations.has(k)) return true;
  return false;
}

// localeCompare without arguments is specified as a default Collator's compare; building that collator
// once instead of per comparison keeps the order and makes sorting thousands of findings cheap.
const collator = new Intl.Collator();

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || collate(a.ruleId, b.ruleId)
    || collate(a.elementId ?? a.relationId ?? '', b.elementId ?? b.relationId ?? '')
    || collate(a.message, b.message);
}

/** The collator's order; equal strings (most rule ids of neighbouring findings) are equal without asking it. */
function collate(a: string, b: string): number {
  return a === b ? 0 : collator.compare(a, b);
}
