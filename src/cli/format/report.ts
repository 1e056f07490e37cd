// The validation report every output format renders: findings flattened to file + range, including the
// pseudo-rules for inputs that did not load (PPV-LOAD), what a reader could not follow (PPV-READ) and
// configuration problems (PPV-CONFIG).
import type { SourceRange } from '../../core/model/source-range';
import type { Finding, Severity } from '../../core/rules/rule';

/** A design, Bicep or Terraform input that could not be read as a design: syntax, schema, unreadable file. */
export const LOAD_RULE_ID = 'PPV-LOAD';
/** A problem in ppvnet.config.json / .ppvnetrc.json: unknown rule id, bad level, invalid JSON. */
export const CONFIG_RULE_ID = 'PPV-CONFIG';
/** Something a Bicep or Terraform reader could not follow, so the rules did not see it (info). */
export const READ_NOTE_RULE_ID = 'PPV-READ';

export interface ReportLocation {
  /** Path relative to the working directory, with the platform's separators. */
  readonly file: string;
  /** Zero-based line and UTF-16 character, as in the core and in LSP. */
  readonly range: SourceRange;
}

export interface ReportRelated extends ReportLocation {
  readonly message: string;
}

export interface ReportFinding extends ReportLocation {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly elementId?: string;
  readonly relationId?: string;
  readonly property?: string;
  readonly related?: readonly ReportRelated[];
}

export interface ValidationReport {
  /** The inputs that were validated (design files, Bicep files, Terraform folders), as displayed. */
  readonly inputs: readonly string[];
  readonly findings: readonly ReportFinding[];
}

const ZERO: SourceRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Places an engine finding in a file: its own location, else the top of the input it came from. */
export function toReportFinding(f: Finding, inputFile: string): ReportFinding {
  const related = f.related
    ?.filter((r) => r.location)
    .map((r) => ({ message: r.message, file: r.location!.file, range: r.location!.range }));
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...(f.elementId !== undefined ? { elementId: f.elementId } : {}),
    ...(f.relationId !== undefined ? { relationId: f.relationId } : {}),
    ...(f.property !== undefined ? { property: f.property } : {}),
    file: f.location?.file ?? inputFile,
    range: f.location?.range ?? ZERO,
    ...(related && related.length > 0 ? { related } : {}),
  };
}

export function countBySeverity(findings: readonly ReportFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
