// CLI input readers for Bicep files and Terraform module folders, plugged into load-inputs' READERS: they
// read through the same core readers as the editor, so `ppvnet validate` reports what the Problems panel shows.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { IacReadResult } from '../../core/iac/read-iac';
import type { SourceLocation } from '../../core/model/source-range';
import type { Locator } from '../../core/rules/rule';
import type { InputReader, LoadedInput } from '../../cli/load-inputs';
import { readBicepFile, readTerraformFolder } from './iac-files';
import { sharedParsers } from './tree-sitter-parsers';

/** Turns a reader result into a CLI input whose locations use display paths (relative to the cwd). */
function toInput(display: string, result: IacReadResult, displayOf: (abs: string) => string): LoadedInput {
  const map = (l: SourceLocation | undefined) => (l ? { file: displayOf(l.file), range: l.range } : undefined);
  const locate: Locator = (ref) => map(result.locate(ref));
  // Only what makes the check incomplete is an input error; notes (module not found, …) are printed as notes.
  const at = (d: IacReadResult['diagnostics'][number]) => ({ file: displayOf(d.file), message: d.message, range: d.range });
  const errors = result.diagnostics.filter((d) => d.severity !== 'info').map(at);
  const notes = result.diagnostics.filter((d) => d.severity === 'info').map(at);
  return { file: display, design: result.design, locate, errors, notes, reads: (result.sources ?? []).map((f) => path.normalize(f)) };
}

export const bicepFileReader: InputReader = {
  async claims(absPath, isDirectory) {
    return !isDirectory && absPath.endsWith('.bicep');
  },
  async read(absPath, displayPath) {
    const result = await readBicepFile(absPath, { parsers: await sharedParsers() });
    const base = path.dirname(absPath);
    return toInput(displayPath, result, (abs) => path.join(path.dirname(displayPath), path.relative(base, path.normalize(abs))));
  },
};

export const terraformFolderReader: InputReader = {
  async claims(absPath, isDirectory) {
    if (!isDirectory) return false;
    try {
      return (await readdir(absPath)).some((n) => n.endsWith('.tf'));
    } catch {
      return false;
    }
  },
  async read(absPath, displayPath) {
    const result = await readTerraformFolder(absPath, { parsers: await sharedParsers() });
    return toInput(displayPath, result, (abs) => path.join(displayPath, path.relative(absPath, path.normalize(abs))));
  },
};
