// Machine-readable output of `ppvnet validate --format json`. Ranges are zero-based (line and UTF-16
// character), exactly as the core and the Language Server Protocol count them.
import type { ReportFinding, ReportLocation, ValidationReport } from './report';

/** One finding as every JSON output of the CLI writes it (validate, diff); the location when there is one. */
export function findingJson(f: Omit<ReportFinding, 'file' | 'range' | 'related'> & Partial<ReportLocation> & Pick<ReportFinding, 'related'>) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    elementId: f.elementId,
    relationId: f.relationId,
    property: f.property,
    ...(f.file !== undefined ? { file: toPortable(f.file), range: f.range } : {}),
    related: f.related?.map((r) => ({ message: r.message, file: toPortable(r.file), range: r.range })),
  };
}

export function formatJson(report: ValidationReport): string {
  const findings = report.findings.map(findingJson);
  // JSON.stringify drops the undefined fields, so absent ids do not appear as nulls.
  return JSON.stringify({ findings }, null, 2) + '\n';
}

/** Forward slashes on every platform, so the output is the same in CI on Windows and Linux. */
export function toPortable(file: string): string {
  return file.split('\\').join('/');
}
