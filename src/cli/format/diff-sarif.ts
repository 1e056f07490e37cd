// SARIF 2.1.0 of `ppvnet diff --format sarif`: validate's SARIF writer over the new side's findings plus the
// fixed ones, each result with its baselineState (new, unchanged, or absent for a fixed finding), so code
// scanning and pull-request tools can show only what the change brought in.
import type { Finding } from '../../core/rules/rule';
import type { DiffReport } from '../../core/diff/diff-report';
import { toReportFinding } from './report';
import { formatSarif, type SarifOptions } from './sarif';

type BaselineState = 'new' | 'unchanged' | 'absent';

/**
 * `newFile` places findings that carry no location (the old side's, and the new side's when it was read at a
 * revision) at the top of the new input; `relocate` finds a fixed finding's element in the new side if it is still there.
 */
export function formatDiffSarif(report: DiffReport, newFile: string, options: SarifOptions, relocate?: (f: Finding) => Finding['location']): string {
  const tagged: [Finding, BaselineState][] = [
    ...report.findings.added.map((f): [Finding, BaselineState] => [f, 'new']),
    ...report.findings.unchanged.map((f): [Finding, BaselineState] => [f, 'unchanged']),
    ...report.findings.fixed.map((f): [Finding, BaselineState] => {
      const location = f.location ?? relocate?.(f);
      return [location ? { ...f, location } : f, 'absent'];
    }),
  ];
  const sarif = JSON.parse(formatSarif({ inputs: [newFile], findings: tagged.map(([f]) => toReportFinding(f, newFile)) }, options));
  // The writer keeps the findings' order, so result i is tagged[i]; adding the state here leaves it untouched.
  sarif.runs[0].results.forEach((r: Record<string, unknown>, i: number) => {
    r.baselineState = tagged[i]![1];
  });
  return JSON.stringify(sarif, null, 2) + '\n';
}
