// CLI input readers for Bicep files and Terraform module folders, plugged into load-inputs' READERS: they
// read through the same core readers as the editor, so `ppvnet validate` reports what the Problems panel shows.
// They are typed by shape, not by the CLI's InputReader: a Node adapter does not import the CLI (that import
// made a cycle load-inputs → here → load-inputs); READERS checks the shape where the two meet.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { IacReadResult } from '../../core/iac/read-iac';
import type { SourceLocation } from '../../core/model/source-range';
import type { Locator } from '../../core/rules/rule';
import { readBicepFile, readTerraformFolder } from './iac-files';
import { sharedParsers } from './tree-sitter-parsers';

/** Turns a reader result into a CLI input whose locations use display paths (relative to the cwd). */
function toInput(display: string, result: IacReadResult, displayOf: (abs: string) => string) {
  const map = (l: SourceLocation | undefined) => (l ? { file: displayOf(l.file), range: l.range } : undefined);
  const locate: Locator = (ref) => map(result.locate(ref));
  // Only what makes the check incomplete is an input error; notes (module not found, …) are printed as notes.
  const at = (d: IacReadResult['diagnostics'][number]) => ({ file: displayOf(d.file), message: d.message, range: d.range });
  const errors = result.diagnostics.filter((d) => d.severity !== 'info').map(at);
  const notes = result.diagnostics.filter((d) => d.severity === 'info').map(at);
  return { file: display, design: result.design, locate, errors, notes, reads: (result.sources ?? []).map((f) => path.normalize(f)) };
}

export const bicepFileReader = {
  async claims(absPath: string, isDirectory: boolean): Promise<boolean> {
    return !isDirectory && absPath.endsWith('.bicep');
  },
  async read(absPath: string, displayPath: string, root: string) {
    const result = await readBicepFile(absPath, { parsers: await sharedParsers(), root });
    const base = path.dirname(absPath);
    return toInput(displayPath, result, (abs) => path.join(path.dirname(displayPath), path.relative(base, path.normalize(abs))));
  },
};

export const terraformFolderReader = {
  async claims(absPath: string, isDirectory: boolean): Promise<boolean> {
    if (!isDirectory) return false;
    try {
      return (await readdir(absPath)).some((n) => n.endsWith('.tf'));
    } catch {
      return false;
    }
  },
  async read(absPath: string, displayPath: string, root: string) {
    const result = await readTerraformFolder(absPath, { parsers: await sharedParsers(), root });
    return toInput(displayPath, result, (abs) => path.join(displayPath, path.relative(absPath, path.normalize(abs))));
  },
};
