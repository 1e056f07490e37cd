// Reading IaC inputs through a host's file access: a Terraform module folder (its .tf files) or a Bicep file
// plus the local modules it calls, with unsaved editor text preferred over the file. Node (CLI and host) reads
// the disk with node:path; the web host reads vscode.workspace.fs with '/'-paths.
import { bicepParamAsBicep, bicepParamTemplate, isBicepParamFile } from './bicep-params';
import type { IacDiagnostic } from './iac-resource';
import type { IacParsers } from './iac-parsers';
import type { PathOps } from './posix-path';
import { bicepModulePaths, installedModuleDirs, isTfvars, readBicep, readTerraform, terraformModuleFolders, type IacReadResult, type IacSource } from './read-iac';
import { READ_LIMITS } from './read-limits';
import { ZERO_RANGE } from '../model/source-range';

/** Why a host did not read a file that is there: not a regular file, outside the root, too large. */
export interface Refusal {
  /** Follows "<file> is not read: ", e.g. "it is a FIFO (named pipe), not a regular file". */
  readonly refused: string;
}

/** How a host reads files and folders; paths are what its `path` functions produce. */
export interface IacFileAccess {
  readonly path: PathOps;
  /**
   * A file's text, if it is a regular file of at most READ_LIMITS.maxFileBytes whose real location is inside
   * `root`; a Refusal when it is there but is not; undefined when there is no such file.
   */
  readText(file: string, root: string): Promise<string | Refusal | undefined>;
  /** A folder's entries (a symbolic link is not a folder here); undefined when it cannot be listed. */
  list(dir: string): Promise<{ readonly name: string; readonly isDirectory: boolean }[] | undefined>;
}

export interface IacReadOptions {
  readonly parsers: IacParsers;
  readonly files: IacFileAccess;
  /** Text of an open (possibly unsaved) document, by absolute path; the file is read otherwise. */
  readonly openText?: (absPath: string) => string | undefined;
  /**
   * Files are read only inside this folder (the workspace folder, the CLI's working folder); by default the
   * Terraform folder or the Bicep file's folder. A module outside it is a note on the module call.
   */
  readonly root?: string;
}

const posix = (p: string) => p.replace(/\\/g, '/');

async function textOf(abs: string, root: string, options: IacReadOptions): Promise<string | Refusal | undefined> {
  const open = options.openText?.(abs);
  if (open !== undefined) return open;
  return options.files.readText(abs, root);
}

const isRefusal = (v: string | Refusal | undefined): v is Refusal => typeof v === 'object';

/**
 * The `.tf` files directly in a folder (Terraform reads one folder as one module), and its tfvars when asked.
 * Everything so named that is not a folder is listed: a link is followed and a FIFO refused by readText.
 */
export async function terraformFiles(dir: string, files: IacFileAccess, withTfvars = false): Promise<string[]> {
  const entries = (await files.list(dir)) ?? [];
  const wanted = (name: string) => name.endsWith('.tf') || (withTfvars && isTfvars(name));
  return entries.filter((e) => !e.isDirectory && wanted(e.name)).map((e) => files.path.join(dir, e.name)).sort();
}

/** Lexically inside: module paths are '/'-separated and normalised (joinPath) by then. */
function within(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/**
 * Reads the Terraform configuration rooted in `dir`: its .tf files and tfvars, and the folders of the
 * modules it calls (local sources, and what `terraform init` installed under .terraform/modules), to any
 * depth up to READ_LIMITS.maxModuleFolders. File paths in the result are absolute, '/'-separated.
 */
export async function readTerraformFolder(dir: string, options: IacReadOptions): Promise<IacReadResult> {
  const path = options.files.path;
  const root = posix(path.resolve(dir));
  const inside = posix(path.resolve(options.root ?? dir));
  const sources: IacSource[] = [];
  const refused = new Map<string, string>();
  const json = await textOf(path.join(dir, '.terraform', 'modules', 'modules.json'), inside, options);
  const modulesJson = typeof json === 'string' ? json : undefined;
  const installed = modulesJson === undefined ? undefined : installedModuleDirs(modulesJson);
  const queue = [root, ...[...(installed?.values() ?? [])].map((d) => posix(path.resolve(root, d)))];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < READ_LIMITS.maxModuleFolders) {
    const folder = queue.shift()!;
    if (seen.has(folder)) continue;
    seen.add(folder);
    if (!within(inside, folder)) {
      refused.set(folder, `it is outside the folder ${inside}`);
      continue;
    }
    for (const abs of await terraformFiles(path.normalize(folder), options.files, folder === root)) {
      const text = await textOf(abs, inside, options);
      if (isRefusal(text)) refused.set(posix(abs), text.refused);
      if (typeof text !== 'string') continue;
      const tree = options.parsers.parse('terraform', abs, text);
      sources.push({ path: posix(abs), text, tree });
      if (tree && abs.endsWith('.tf')) queue.push(...terraformModuleFolders(folder, tree));
    }
  }
  // Stand-ins for registry modules that are not on disk are parsed with the same parser.
  const parse = (file: string, text: string) => options.parsers.parse('terraform', file, text);
  const result = readTerraform(sources, { name: path.basename(dir), root, parse, refused, ...(modulesJson === undefined ? {} : { modulesJson }) });
  return { ...result, sources: sources.map((s) => s.path) };
}

/**
 * Reads a Bicep file and, transitively, the local module files it calls. A .bicepparam file is read as its
 * `using` template with its values; a template is read with the values of the one .bicepparam file beside
 * it that uses it (or `<name>.bicepparam` when several do).
 */
export async function readBicepFile(entry: string, options: IacReadOptions): Promise<IacReadResult> {
  const path = options.files.path;
  const abs = posix(path.resolve(entry));
  const inside = posix(path.resolve(options.root ?? path.dirname(abs)));
  if (isBicepParamFile(abs)) {
    const params = await paramSource(abs, inside, options);
    const using = params ? bicepParamTemplate(params.text) : undefined;
    const template = using ? posix(path.resolve(path.dirname(abs), using)) : undefined;
    if (!params || !template) return { ...readBicep(abs, params ? [params] : [], { name: path.basename(abs, '.bicepparam') }), sources: params ? [abs] : [] };
    const { sources, refused } = await bicepSources(template, inside, options);
    return { ...readBicep(template, sources, { name: path.basename(abs, '.bicepparam'), params, refused }), sources: [abs, ...sources.map((s) => s.path)] };
  }
  const { sources, refused } = await bicepSources(abs, inside, options);
  const { params, note } = await besideParams(abs, inside, options);
  const result = readBicep(abs, sources, { refused, ...(params ? { params } : {}) });
  const read = [...sources.map((s) => s.path), ...(params ? [params.path] : [])];
  return { ...result, sources: read, ...(note ? { diagnostics: [...result.diagnostics, note] } : {}) };
}

async function bicepSources(entry: string, inside: string, options: IacReadOptions): Promise<{ sources: IacSource[]; refused: Map<string, string> }> {
  const path = options.files.path;
  const sources: IacSource[] = [];
  const refused = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0 && seen.size < READ_LIMITS.maxModuleFiles) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = within(inside, file) ? await textOf(path.normalize(file), inside, options) : { refused: `it is outside the folder ${inside}` };
    if (isRefusal(text)) refused.set(file, text.refused);
    if (typeof text !== 'string') continue;
    const tree = options.parsers.parse('bicep', path.normalize(file), text);
    sources.push({ path: file, text, tree });
    if (tree) queue.push(...bicepModulePaths(file, tree));
  }
  return { sources, refused };
}

/** A .bicepparam file as the core reads it: its own text, parsed through bicepParamAsBicep. */
async function paramSource(abs: string, inside: string, options: IacReadOptions): Promise<IacSource | undefined> {
  const path = options.files.path;
  const text = await textOf(path.normalize(abs), inside, options);
  if (typeof text !== 'string') return undefined;
  return { path: abs, text, tree: options.parsers.parse('bicep', `${path.normalize(abs)}#params`, bicepParamAsBicep(text).text) };
}

/** The .bicepparam file beside a template that uses it; a note when several do and none is named after it. */
async function besideParams(template: string, inside: string, options: IacReadOptions): Promise<{ params?: IacSource; note?: IacDiagnostic }> {
  const path = options.files.path;
  const dir = path.dirname(template);
  const entries = await options.files.list(dir);
  if (!entries) return {};
  const names = entries.map((e) => e.name).filter(isBicepParamFile).sort();
  const users: IacSource[] = [];
  for (const n of names) {
    const p = await paramSource(posix(path.join(dir, n)), inside, options);
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

/** Which reader an IaC file belongs to, by its name. */
export function isIacFile(file: string): 'bicep' | 'terraform' | undefined {
  // A .bicepparam file is read with its template (readBicepFile), not as an editor unit of its own: the
  // template's unit already applies it, and two units would publish the same findings twice.
  return file.endsWith('.bicep') ? 'bicep' : file.endsWith('.tf') ? 'terraform' : undefined;
}
