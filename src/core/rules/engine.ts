// Runs the rule catalog over a design: applies the user's severity overrides, attaches source
// locations, and keeps going if one rule throws (a bug in one rule must not hide the others' findings).
import { Topology } from '../model/topology';
import type { Design } from '../model/schema';
import { RULES } from './registry';
import type { Finding, Locator, Report, Rule, Severity } from './rule';
import type { RulesConfig } from './rules-config';

export interface ValidateOptions {
  readonly config?: RulesConfig;
  readonly locate?: Locator;
  /** Defaults to the full catalog; tests pass one rule. */
  readonly rules?: readonly Rule[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function validateDesign(design: Design, options: ValidateOptions = {}): Finding[] {
  const topology = new Topology(design);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    const override = options.config?.rules?.[rule.meta.id];
    if (override === 'off') continue;
    const severity: Severity = override ?? rule.meta.severity;
    const report = ({ cannotTell, ...r }: Report) => {
      const location = options.locate?.(r);
      const related = r.related?.map((rel) => ({ ...rel, location: options.locate?.(rel) }));
      findings.push({ ...r, ...(related ? { related } : {}), ruleId: rule.meta.id, severity: cannotTell ? 'info' : severity, ...(location ? { location } : {}) });
    };
    try {
      rule.check(topology, { report });
    } catch (e) {
      findings.push({ ruleId: rule.meta.id, severity: 'error', message: `Internal error in rule ${rule.meta.id}: ${e instanceof Error ? e.message : String(e)}. Please report it.` });
    }
  }
  return findings.sort(compareFindings);
}

// localeCompare without arguments is specified as a default Collator's compare; building that collator
// once instead of per comparison keeps the order and makes sorting thousands of findings cheap.
const collator = new Intl.Collator();

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || collator.compare(a.ruleId, b.ruleId)
    || collator.compare(a.elementId ?? a.relationId ?? '', b.elementId ?? b.relationId ?? '')
    || collator.compare(a.message, b.message);
}
