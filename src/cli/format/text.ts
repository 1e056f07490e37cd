// Human-readable output of `ppvnet validate`: one line per finding as file:line:column (1-based, so
// terminals and editors can jump to it), grouped by file, then a summary line; control and bidi characters
// from user data are shown escaped.
import { escapeUnsafeCharacters } from '../../core/model/unsafe-characters';
import { countBySeverity, type ValidationReport } from './report';

export function formatText(report: ValidationReport): string {
  const lines: string[] = [];
  const byFile = new Map<string, ValidationReport['findings'][number][]>();
  for (const f of report.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  for (const [file, findings] of byFile) {
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const f of findings) {
      const where = `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${where}: ${f.severity} ${f.ruleId}: ${f.message}`);
      for (const r of f.related ?? []) lines.push(`    ${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.message}`);
    }
  }
  const c = countBySeverity(report.findings);
  const files = report.inputs.length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    report.findings.length === 0
      ? `${plural(files, 'input')} validated: no findings.`
      : `${plural(files, 'input')} validated: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'info')}.`,
  );
  // File names, element names and messages come from the inputs (IaC names are not schema-checked): an ESC
  // or a bidi override in them must reach the terminal as visible text, never as a control.
  return lines.map(escapeUnsafeCharacters).join('\n') + '\n';
}
