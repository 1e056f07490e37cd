// `ppvnet diagram <design> [--out file.svg] [--config <file>]`: draws a design with the same renderer as the
// extension's "Export Diagram as SVG", findings (under the rule configuration, as `validate` finds it) as badges. Without --out the SVG goes to stdout; with it, the file must lie
// inside the current directory, symlinks included, by the same writer and rule as `export`.
import path from 'node:path';
import { renderDesignSvg } from '../../core/diagram/render-svg';
import { READ_LIMITS } from '../../core/iac/read-limits';
import { loadDesign } from '../../core/model/load-design';
import { escapeUnsafeCharacters } from '../../core/model/unsafe-characters';
import { writeInside } from '../../node/export/safe-write';
import { readNamedFile } from '../../node/files/read-inside';
import { EXIT_OK, EXIT_USAGE, UsageError, parseArgs, type CliIo } from '../cli-io';
import { reportConfigProblems } from '../format/config-problems';
import { ValidationService } from '../validation-service';

export async function runDiagram(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['out', 'config']);
  if (positional.length !== 1) throw new UsageError('give exactly one design file: diagram <design.ppvnet.json> [--out <file.svg>]');
  const input = positional[0]!;
  const abs = path.resolve(io.cwd, input);
  const display = path.relative(io.cwd, abs) || input;
  const service = new ValidationService(io.cwd, options.config);
  await service.checkConfig();
  let text: string;
  try {
    text = await readNamedFile(io.cwd, abs, READ_LIMITS.maxFileBytes);
  } catch (e) {
    io.stderr(`${display}:1:1: error: cannot read the design: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
  const loaded = loadDesign(text);
  if (!loaded.ok) {
    for (const err of loaded.errors) {
      io.stderr(`${escapeUnsafeCharacters(`${display}:${err.range.start.line + 1}:${err.range.start.character + 1}: error: ${err.message}`)}\n`);
    }
    return EXIT_USAGE;
  }
  const findings = await service.validate(loaded.design, abs);
  reportConfigProblems(await service.configProblems(), 'diagram', io);
  const svg = renderDesignSvg(loaded.design, { findings });
  const out = options.out;
  if (typeof out !== 'string' || out === '-') {
    io.stdout(svg);
    return EXIT_OK;
  }
  const outAbs = path.resolve(io.cwd, out);
  if (outAbs === abs) throw new UsageError('--out would overwrite the design itself');
  try {
    await writeInside(io.cwd, outAbs, svg);
  } catch (e) {
    io.stderr(`ppvnet diagram: cannot write ${out}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
  io.stderr(`wrote ${path.relative(io.cwd, outAbs) || out} (${loaded.design.elements.length} elements, ${findings.length} findings)\n`);
  return EXIT_OK;
}
