// `ppvnet export <design> --to bicep|terraform --out <dir> [--force] [--allow-errors] [--config <file>]`: the
// same rules as the editor command, without prompts. Refuses (exit 1) when the design has error-level findings
// under the rule configuration (as `validate` finds it) unless --allow-errors, and when a file to replace was edited by hand unless --force. The output folder must lie
// inside the current directory (the CLI's workspace), symlinks included (exit 2 otherwise).
import path from 'node:path';
import { EXPORT_FORMATS, exportDesign, type ExportFormat } from '../../core/export/export-design';
import { READ_LIMITS } from '../../core/iac/read-limits';
import { loadDesign } from '../../core/model/load-design';
import { escapeUnsafeCharacters } from '../../core/model/unsafe-characters';
import { applyWrites, needsConsent, OutsideWorkspaceError, planWrites, resolveInside } from '../../node/export/export-files';
import { readNamedFile } from '../../node/files/read-inside';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, parseArgs, UsageError, type CliIo } from '../cli-io';
import { reportConfigProblems } from '../format/config-problems';
import { ValidationService } from '../validation-service';

export async function runExport(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['to', 'out', 'config'], ['force', 'allow-errors']);
  if (positional.length !== 1) throw new UsageError('export takes exactly one design file: export <design> --to bicep|terraform --out <dir>');
  const format = options.to;
  if (typeof format !== 'string' || !EXPORT_FORMATS.includes(format as ExportFormat)) throw new UsageError('--to must be bicep or terraform');
  if (typeof options.out !== 'string') throw new UsageError('--out <dir> is required');
  const designArg = positional[0]!;
  const designPath = path.resolve(io.cwd, designArg);
  const service = new ValidationService(io.cwd, options.config);
  await service.checkConfig();

  let text: string;
  try {
    text = await readNamedFile(io.cwd, designPath, READ_LIMITS.maxFileBytes);
  } catch {
    io.stderr(`ppvnet export: cannot read '${designArg}'\n`);
    return EXIT_USAGE;
  }
  const loaded = loadDesign(text);
  if (!loaded.ok) {
    for (const e of loaded.errors) io.stderr(`${escapeUnsafeCharacters(`${designArg}:${e.range.start.line + 1}:${e.range.start.character + 1}: error: ${e.message}`)}\n`);
    return EXIT_USAGE;
  }

  const errors = (await service.validate(loaded.design, designPath)).filter((f) => f.severity === 'error');
  reportConfigProblems(await service.configProblems(), 'export', io);
  if (errors.length > 0) {
    const list = errors.map((f) => escapeUnsafeCharacters(`  ${f.ruleId}${f.elementId ? ` (${f.elementId})` : f.relationId ? ` (${f.relationId})` : ''}: ${f.message}`)).join('\n');
    if (!options['allow-errors']) {
      io.stderr(`ppvnet export: the design has ${errors.length} error-level finding(s); fix them or pass --allow-errors:\n${list}\n`);
      return EXIT_FINDINGS;
    }
    io.stderr(`ppvnet export: exporting despite ${errors.length} error-level finding(s) (--allow-errors):\n${list}\n`);
  }

  let outDir: string;
  try {
    outDir = await resolveInside(io.cwd, options.out);
  } catch (e) {
    if (e instanceof OutsideWorkspaceError) {
      io.stderr(`ppvnet export: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }

  const files = exportDesign(loaded.design, format as ExportFormat, { designFile: path.basename(designPath) });
  let plan;
  try {
    plan = await planWrites(io.cwd, outDir, files);
  } catch (e) {
    if (e instanceof OutsideWorkspaceError) {
      io.stderr(`ppvnet export: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  const blocked = needsConsent(plan);
  if (blocked.length > 0 && !options.force) {
    const list = blocked.map((p) => `  ${path.relative(io.cwd, p.absPath)} (${p.state === 'edited' ? 'edited by hand since it was exported' : 'not written by ppvnet'})`).join('\n');
    io.stderr(`ppvnet export: refusing to overwrite ${blocked.length} file(s); pass --force to replace them:\n${list}\n`);
    return EXIT_FINDINGS;
  }
  let written: string[];
  try {
    written = await applyWrites(io.cwd, plan);
  } catch (e) {
    // A refused or failed write is the user's to fix (a link swapped in, a full disk): say it, no stack trace.
    io.stderr(`ppvnet export: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
  const unchanged = plan.length - written.length;
  io.stdout(`${written.map((w) => `wrote ${path.relative(io.cwd, w)}`).join('\n')}${written.length ? '\n' : ''}${unchanged ? `${unchanged} file(s) already up to date\n` : ''}`);
  return EXIT_OK;
}
