// Node-side reading of IaC inputs for the extension host and the CLI: a Terraform module folder (its .tf
// files) or a Bicep file plus the local modules it calls, with unsaved editor text preferred over disk.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { bicepModulePaths, readBicep, readTerraform, type IacReadResult, type IacSource } from '../../core/iac/read-iac';
import { READ_LIMITS } from '../../core/iac/read-limits';
import type { IacParsers } from './tree-sitter-parsers';

export interface ReadOptions {
  readonly parsers: IacParsers;
  /** Text of an open (possibly unsaved) document, by absolute path; disk is read otherwise. */
  readonly openText?: (absPath: string) => string | undefined;
}

const posix = (p: string) => p.replace(/\\/g, '/');

async function textOf(abs: string, options: ReadOptions): Promise<string | undefined> {
  const open = options.openText?.(abs);
  if (open !== undefined) return open;
  try {
    return await readFile(abs, 'utf8');
  } catch {
    return undefined;
  }
}

/** The `.tf` files directly in a folder (Terraform reads one folder as one module). */
export async function terraformFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile() && e.name.endsWith('.tf')).map((e) => path.join(dir, e.name)).sort();
  } catch {
    return [];
  }
}

/** Reads the Terraform module in `dir`; file paths in the result are absolute, '/'-separated. */
export async function readTerraformFolder(dir: string, options: ReadOptions): Promise<IacReadResult> {
  const sources: IacSource[] = [];
  for (const abs of await terraformFiles(dir)) {
    const text = await textOf(abs, options);
    if (text === undefined) continue;
    sources.push({ path: posix(abs), text, tree: options.parsers.parse('terraform', abs, text) });
  }
  return readTerraform(sources, { name: path.basename(dir) });
}

/** Reads a Bicep file and, transitively, the local module files it calls. */
export async function readBicepFile(entry: string, options: ReadOptions): Promise<IacReadResult> {
  const sources: IacSource[] = [];
  const seen = new Set<string>();
  const queue = [posix(path.resolve(entry))];
  while (queue.length > 0 && seen.size < READ_LIMITS.maxModuleFiles) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await textOf(path.normalize(file), options);
    if (text === undefined) continue;
    const tree = options.parsers.parse('bicep', path.normalize(file), text);
    sources.push({ path: file, text, tree });
    if (tree) queue.push(...bicepModulePaths(file, tree));
  }
  return readBicep(posix(path.resolve(entry)), sources);
}

/** Files (absolute, native separators) that make up the input an IaC file belongs to. */
export function isIacFile(file: string): 'bicep' | 'terraform' | undefined {
  return file.endsWith('.bicep') ? 'bicep' : file.endsWith('.tf') ? 'terraform' : undefined;
}
