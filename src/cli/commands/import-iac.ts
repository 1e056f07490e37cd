// `ppvnet import <file.bicep|file.bicepparam|terraform-folder> [--out <file>] [--force]`: reads IaC into a
// design through the same readers and layout as the editor's "Open in Designer", faults kept as written.
// Exit 0 = written, 1 = written but a file could not be read (the design misses what it declares), 2 = usage
// error, nothing to import, or a target outside the working folder or already there without --force.
import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { serializeDesign } from '../../core/model/serialize-design';
import { escapeUnsafeCharacters } from '../../core/model/unsafe-characters';
import { isInside, writeInside } from '../../node/export/safe-write';
import { importIac, importTarget } from '../../node/iac/import-iac';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from '../cli-io';

export async function runIacImport(source: string, options: { out?: string; force: boolean }, io: CliIo): Promise<number> {
  const abs = path.resolve(io.cwd, source);
  const info = await stat(abs).catch(() => undefined);
  if (!info) throw new UsageError(`cannot read '${source}': no such file or folder`);
  const target = importTarget(abs, info.isDirectory());
  if (!target) throw new UsageError(`'${source}' is not a Bicep (.bicep, .bicepparam) file or a Terraform folder`);
  const out = options.out === undefined ? target.design : path.resolve(io.cwd, options.out);
  const display = (p: string) => path.relative(io.cwd, p) || p;
  if (!isInside(io.cwd, out)) throw new UsageError(`${display(out)} is outside the working folder ${io.cwd}; ppvnet writes only inside it`);
  // lstat, not stat: a dangling symbolic link is something there too.
  if (!options.force && (await lstat(out).then(() => true, () => false))) throw new UsageError(`${display(out)} exists; pass --force to overwrite it`);

  // As validate does: what the input pulls in stays inside the working folder, or its own folder when it lies elsewhere.
  const root = isInside(io.cwd, abs) ? io.cwd : info.isDirectory() ? abs : path.dirname(abs);
  const { design, diagnostics } = await importIac(target, undefined, root);
  const where = (d: (typeof diagnostics)[number]) => `${display(path.normalize(d.file))}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
  for (const d of diagnostics) io.stderr(`${escapeUnsafeCharacters(`${where(d)}: ${d.severity === 'info' ? 'note' : d.severity}: ${d.message}`)}\n`);
  if (design.elements.length === 0) {
    io.stderr(`ppvnet import: no Power Platform network resources were found in ${display(target.source)}; nothing written\n`);
    return EXIT_USAGE;
  }
  try {
    await writeInside(io.cwd, out, serializeDesign(design));
  } catch (e) {
    io.stderr(`ppvnet import: cannot write ${display(out)}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
  io.stdout(`${display(out)}: ${design.elements.length} elements, ${design.relations.length} relations from ${display(target.source)}\n`);
  return diagnostics.some((d) => d.severity !== 'info') ? EXIT_FINDINGS : EXIT_OK;
}
