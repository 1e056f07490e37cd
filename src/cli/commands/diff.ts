// `ppvnet diff <old> <new>`: what a change does to a design (or a Bicep file or Terraform folder, through the
// readers; either side may be `<rev>:<path>`), as text, Markdown, JSON or SARIF, with the findings delta and
// optionally the marked picture. Exit 0 = no new error-level findings, 1 = new errors, 2 = usage or input error.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../../../package.json';
import { diffDesigns } from '../../core/diff/design-diff';
import { renderDiffSvg } from '../../core/diff/diff-picture';
import { diffFindings, newErrors } from '../../core/diff/findings-delta';
import { escapeUnsafeCharacters } from '../../core/model/unsafe-characters';
import { validateDesign } from '../../core/rules/engine';
import { RULES } from '../../core/rules/registry';
import { writeInside } from '../../node/export/safe-write';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, parseArgs, UsageError, type CliIo } from '../cli-io';
import { reportConfigProblems } from '../format/config-problems';
import { formatDiffJson } from '../format/diff-json';
import { formatDiffMarkdown } from '../format/diff-markdown';
import type { DiffReport } from '../../core/diff/diff-report';
import { formatDiffSarif } from '../format/diff-sarif';
import { formatDiffText } from '../format/diff-text';
import { loadInputs, type LoadedInput } from '../load-inputs';
import { loadRevisionInput, parseRevisionSpec, workingTreePath } from '../revision-input';
import { ValidationService } from '../validation-service';

const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const DIFF_USAGE = `usage: ppvnet diff <old> <new> [--format text|markdown|json|sarif] [--svg <file>] [--sarif <file>] [--config <file>] [--old-may-be-absent]

  Compares two versions of a design: *.ppvnet.json files, Bicep files or Terraform folders (read through the
  same readers as validate), or either side as <rev>:<path> from git, e.g. origin/main:infra/network.
  Lists added, removed and changed elements and relations with property-level detail (moves on the
  canvas are counted, not listed) and the findings the change brings in, fixes or leaves.

  <rev>:<path>  path relative to the repository's top folder, or to the current folder with ./ or ../
  --format   text (default), markdown (for a pull-request comment), json, or sarif (results with
             baselineState new, unchanged, or absent for fixed findings)
  --svg      also write the new design as SVG with added (+, solid), removed (−, dashed) and changed
             (~, dotted) items marked and a legend; removed items are drawn from the old side
  --sarif    also write the SARIF log to this file, whatever --format prints
  --config   rule configuration for both sides; by default the nearest ppvnet.config.json or
             .ppvnetrc.json beside the new side in the working tree, or above it
  --old-may-be-absent
             when <old> is <rev>:<path> and that revision has no such path (the change adds the design),
             compare with an empty design instead of failing

  Files are written only inside the current folder.
  exit codes: 0 no new error-level findings, 1 new error-level findings, 2 usage error or unreadable input
`;

const REPOSITORY = pkg.repository.url.replace(/\.git$/, '');

export async function runDiff(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['format', 'svg', 'sarif', 'config'], ['help', 'old-may-be-absent']);
  if (options.help) {
    io.stdout(DIFF_USAGE);
    return EXIT_OK;
  }
  if (positional.length !== 2) throw new UsageError('give two inputs: diff <old> <new> (a design, Bicep file, Terraform folder or <rev>:<path>)');
  const format = (options.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${String(options.format)}'`);
  const [oldArg, newArg] = positional as [string, string];
  const sides = [await loadSide(oldArg, io.cwd, options['old-may-be-absent'] === true), await loadSide(newArg, io.cwd, false)] as const;
  let broken = false;
  for (const side of sides) {
    for (const e of side.errors) {
      io.stderr(`${escapeUnsafeCharacters(`${e.file}:${e.range.start.line + 1}:${e.range.start.character + 1}: error: ${e.message}`)}\n`);
      broken = true;
    }
    if (!side.design) broken = true;
  }
  if (broken) return EXIT_USAGE;
  const [before, after] = sides;
  // An absent old side is the new design emptied, so its name and description do not count as changes.
  const oldDesign = before.absent ? { ...after.design!, elements: [], relations: [] } : before.design!;

  // One configuration judges both sides, so the delta shows what the change did rather than a configuration edit:
  // the one that applies to the new side (its working-tree place for a revision).
  const service = new ValidationService(io.cwd, options.config);
  const spec = parseRevisionSpec(newArg, io.cwd);
  const where = spec ? await workingTreePath(spec, io.cwd) : newArg;
  const config = await service.configOf(where);
  reportConfigProblems(await service.configProblems(), 'diff', io);
  const oldFindings = validateDesign(oldDesign, { config });
  const newFindings = validateDesign(after.design!, { config, ...(after.locate ? { locate: after.locate } : {}) });
  const diff = diffDesigns(oldDesign, after.design!);
  const report: DiffReport = { old: before.file, new: after.file, diff, findings: diffFindings(oldFindings, newFindings) };
  const sarif = () => {
    const srcRoot = pathToFileURL(io.cwd.endsWith(path.sep) ? io.cwd : io.cwd + path.sep).href;
    const relocate = (f: { elementId?: string; relationId?: string; property?: string }) => after.locate?.(f.elementId ? { elementId: f.elementId } : f.relationId ? { relationId: f.relationId } : {});
    return formatDiffSarif(report, after.file, { toolVersion: pkg.version, informationUri: REPOSITORY, helpBase: `${REPOSITORY}/blob/main/docs/rules/`, rules: RULES.map((r) => r.meta), srcRoot }, relocate);
  };

  const writes: [string, string][] = [];
  if (typeof options.svg === 'string') writes.push([options.svg, renderDiffSvg(after.design!, diff, { findings: newFindings })]);
  if (typeof options.sarif === 'string') writes.push([options.sarif, sarif()]);
  for (const [file, content] of writes) {
    const abs = path.resolve(io.cwd, file);
    if (sides.some((s) => path.resolve(io.cwd, s.file) === abs)) throw new UsageError(`'${file}' would overwrite an input`);
    try {
      await writeInside(io.cwd, abs, content);
    } catch (e) {
      io.stderr(`ppvnet diff: cannot write ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`wrote ${path.relative(io.cwd, abs) || file}\n`);
  }

  switch (format) {
    case 'text':
      io.stdout(formatDiffText(report));
      break;
    case 'markdown':
      io.stdout(formatDiffMarkdown(report));
      break;
    case 'json':
      io.stdout(formatDiffJson(report));
      break;
    case 'sarif':
      io.stdout(sarif());
      break;
  }
  return newErrors(report.findings) > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** One side: `<rev>:<path>` from git, else a path read as validate reads it, which must name one input. */
/** `absent`: the old side's revision does not have the path, and --old-may-be-absent said that is fine. */
async function loadSide(arg: string, cwd: string, mayBeAbsent: boolean): Promise<LoadedInput & { readonly absent?: true }> {
  const spec = parseRevisionSpec(arg, cwd);
  const input = spec ? await loadRevisionInput(spec, cwd) : await loadOne(arg, cwd);
  if (spec && mayBeAbsent && 'absentAtRevision' in input && input.absentAtRevision) {
    return { file: `${input.file} (absent)`, design: { version: 1, name: input.file, elements: [], relations: [] }, errors: [], absent: true };
  }
  if (input.unusableArgument !== undefined) throw new UsageError(input.unusableArgument);
  return input;
}

async function loadOne(arg: string, cwd: string): Promise<LoadedInput> {
  const inputs = await loadInputs([arg], cwd);
  if (inputs.length === 1) return inputs[0]!;
  throw new UsageError(inputs.length === 0
    ? `no design, Bicep file or Terraform folder in '${arg}'`
    : `'${arg}' holds ${inputs.length} designs; diff compares one with one, so name the file`);
}

