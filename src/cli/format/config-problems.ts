// How export, diagram, diff and plan-addresses mention rule configuration problems: as warnings on stderr,
// since they are about the configuration, not the design, and the valid entries still applied (validate
// reports them as findings).
import { escapeUnsafeCharacters } from '../../core/model/unsafe-characters';
import type { CliIo } from '../cli-io';
import type { ReportFinding } from './report';

export function reportConfigProblems(problems: readonly ReportFinding[], command: string, io: CliIo): void {
  for (const p of problems) {
    io.stderr(`${escapeUnsafeCharacters(`ppvnet ${command}: warning: ${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`)}\n`);
  }
}
