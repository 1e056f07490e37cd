// Node-side reading of IaC inputs for the extension host and the CLI: a Terraform module folder (its .tf
// files) or a Bicep file plus the local modules it calls, with unsaved editor text preferred over disk.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { bicepParamAsBicep, bicepParamTemplate, isBicepParamFile } from '../../core/iac/bicep-params';
import type { IacDiagnostic } from '../../core/iac/iac-resource';
import { bicepModulePaths, installedModuleDirs, isTfvars, readBicep, readTerraform, terraformModuleFolders, type IacReadResult, type IacSource } from '../../core/iac/read-iac';
import { ZERO_RANGE } from '../../core/model/source-range';
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

/** The `.tf` files directly in a folder (Terraform reads one folder as one module), and its tfvars when asked. */
export async function terraformFiles(dir: string, withTfvars = false): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    const wanted = (name: string) => name.endsWith('.tf') || (withTfvars && isTfvars(name));
    return entries.filter((e) => e.isFile() && wanted(e.name)).map((e) => path.join(dir, e.name)).sort();
  } catch {
    return [];
  }
}

/**
 * Reads the Terraform configuration rooted in `dir`: its .tf files and tfvars, and the folders of the
 * modules it calls (local sources, and what `terraform init` installed under .terraform/modules), to any
 * depth up to READ_LIMITS.maxModuleFolders. File paths in the result are absolute, '/'-separated.
 */
export async function readTerraformFolder(dir: string, options: ReadOptions): Promise<IacReadResult> {
  const root = posix(path.resolve(dir));
  const sources: IacSource[] = [];
  const modulesJson = await textOf(path.join(dir, '.terraform', 'modules', 'modules.json'), options);
  const queue = [root, ...installedFolders(modulesJson, root)];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < READ_LIMITS.maxModuleFolders) {
    const folder = queue.shift()!;
    if (seen.has(folder)) continue;
    seen.add(folder);
    for (const abs of await terraformFiles(folder, folder === root)) {
      const text = await textOf(abs, options);
      if (text === undefined) continue;
      const tree = options.parsers.parse('terraform', abs, text);
      sources.push({ path: posix(abs), text, tree });
      if (tree && abs.endsWith('.tf')) queue.push(...terraformModuleFolders(folder, tree));
    }
  }
  const parse = (file: string, text: string) => options.parsers.parse('terraform', file, text);
  return readTerraform(sources, { name: path.basename(dir), root, parse, ...(modulesJson === undefined ? {} : { modulesJson }) });
}

/** The folders terraform init installed modules into (unreadable JSON is the core reader's to report). */
function installedFolders(modulesJson: string | undefined, root: string): string[] {
  const dirs = modulesJson === undefined ? undefined : installedModuleDirs(modulesJson);
  return [...(dirs?.values() ?? [])].map((d) => posix(path.resolve(root, d)));
}

/**
 * Reads a Bicep file and, transitively, the local module files it calls. A .bicepparam file is read as its
 * `using` template with its values; a template is read with the values of the one .bicepparam file beside
 * it that uses it (or `<name>.bicepparam` when several do).
 */
export async function readBicepFile(entry: string, options: ReadOptions): Promise<IacReadResult> {
  const abs = posix(path.resolve(entry));
  if (isBicepParamFile(abs)) {
    const params = await paramSource(abs, options);
    const using = params ? bicepParamTemplate(params.text) : undefined;
    const template = using ? posix(path.resolve(path.dirname(abs), using)) : undefined;
    if (!params || !template) return readBicep(abs, params ? [params] : [], { name: path.basename(abs, '.bicepparam') });
    return readBicep(template, await bicepSources(template, options), { name: path.basename(abs, '.bicepparam'), params });
  }
  const sources = await bicepSources(abs, options);
  const { params, note } = await besideParams(abs, options);
  const result = readBicep(abs, sources, params ? { params } : {});
  return note ? { ...result, diagnostics: [...result.diagnostics, note] } : result;
}

async function bicepSources(entry: string, options: ReadOptions): Promise<IacSource[]> {
  const sources: IacSource[] = [];
  const seen = new Set<string>();
  const queue = [entry];
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
  return sources;
}

/** A .bicepparam file as the core reads it: its own text, parsed through bicepParamAsBicep. */
async function paramSource(abs: string, options: ReadOptions): Promise<IacSource | undefined> {
  const text = await textOf(path.normalize(abs), options);
  if (text === undefined) return undefined;
  return { path: abs, text, tree: options.parsers.parse('bicep', `${path.normalize(abs)}#params`, bicepParamAsBicep(text).text) };
}

/** The .bicepparam file beside a template that uses it; a note when several do and none is named after it. */
async function besideParams(template: string, options: ReadOptions): Promise<{ params?: IacSource; note?: IacDiagnostic }> {
  const dir = path.dirname(template);
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isBicepParamFile).sort();
  } catch {
    return {};
  }
  const users: IacSource[] = [];
  for (const n of names) {
    const p = await paramSource(posix(path.join(dir, n)), options);
    const using = p ? bicepParamTemplate(p.text) : undefined;
    if (p && using && posix(path.resolve(dir, using)) === template) users.push(p);
  }
  if (users.length <= 1) return users[0] ? { params: users[0] } : {};
  const own = users.find((u) => path.basename(u.path, '.bicepparam') === path.basename(template, '.bicep'));
  if (own) return { params: own };
  return {
    note: {
      file: template, range: ZERO_RANGE, severity: 'info',
      message: `Several parameter files use this template (${users.map((u) => path.basename(u.path)).join(', ')}); it is checked with its parameter defaults. Validate a .bicepparam file to check its values.`,
    },
  };
}

/** Files (absolute, native separators) that make up the input an IaC file belongs to. */
export function isIacFile(file: string): 'bicep' | 'terraform' | undefined {
  // A .bicepparam file is read with its template (readBicepFile), not as an editor unit of its own: the
  // template's unit already applies it, and two units would publish the same findings twice.
  return file.endsWith('.bicep') ? 'bicep' : file.endsWith('.tf') ? 'terraform' : undefined;
}
