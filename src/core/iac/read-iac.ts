// Entry points of the IaC readers: a Terraform module folder or a Bicep file (with its local modules) in,
// the design the rules judge plus a Locator and the reader's own diagnostics out. Callers parse; this is pure.
import type { z } from 'zod';
import { parseDesign, UNSAFE_CHARACTER_PARAM, type Design } from '../model/schema';
import { LineIndex, ZERO_RANGE } from '../model/source-range';
import { armChildren, armElements, armRelations, armSubnets, privateLinkTargets } from './arm-mapping';
import { armDnsEndpoints } from './arm-dns-resolvers';
import { terraformDnsEndpoints } from './terraform-dns-resolvers';
import { BicepEvaluator, dirname, joinPath, type BicepFile } from './bicep-evaluator';
import { avmTerraformModel } from './avm-terraform-models';
import { isRegistryModule } from './bicep-avm';
import { bicepParamAsBicep } from './bicep-params';
import { DesignBuilder, type IacReadResult } from './design-builder';
import { inferDataGateways } from './infer-data-gateways';
import type { IacDiagnostic, IacResource } from './iac-resource';
import { Budget, READ_LIMITS } from './read-limits';
import { namedChildren, type SyntaxNode, type SyntaxTree } from './syntax-node';
import { TerraformEvaluator, type TerraformFile } from './terraform-evaluator';
import { terraformChildren, terraformElements, terraformRelations } from './terraform-mapping';

/** Files (or module folders) a host would not read, by '/'-path, with why: "it is a FIFO (named pipe)…". */
export type Refusals = ReadonlyMap<string, string>;

/** One source file; `tree` is absent when the caller did not parse it (too large, parse timed out). */
export interface IacSource {
  readonly path: string;
  readonly text: string;
  readonly tree: SyntaxTree | undefined;
}

export type { IacReadResult } from './design-builder';

/**
 * Reads a Terraform configuration into one design: the `.tf` files of the root folder, the folders of the
 * modules it calls (local ones, and registry ones listed in `.terraform/modules/modules.json`, whose text is
 * `modulesJson`), and the root's `terraform.tfvars` and `*.auto.tfvars`. `root` defaults to the shallowest
 * folder among the files.
 */
export function readTerraform(files: readonly IacSource[], options: { name?: string; root?: string; modulesJson?: string; parse?: (path: string, text: string) => SyntaxTree | undefined; refused?: Refusals } = {}): IacReadResult {
  const budget = new Budget();
  const diagnostics = unreadable(files);
  const parsed = files.filter((f): f is IacSource & { tree: SyntaxTree } => f.tree !== undefined).map((f) => ({ file: normalise(f.path), text: f.text, tree: f.tree }));
  const root = normalise(options.root ?? shallowestFolder(files.map((f) => f.path)));
  const folders = new Map<string, TerraformFile[]>();
  for (const f of parsed) {
    if (!f.file.endsWith('.tf')) continue;
    const dir = dirname(f.file);
    folders.set(dir, [...(folders.get(dir) ?? []), f]);
  }
  const installed = installedModules(options.modulesJson, root, diagnostics);
  const models = new Map<string, { dir: string; files: TerraformFile[] } | undefined>();
  // Stand-ins for registry modules not on disk are parsed on first use, with the caller's parser.
  const model = (source: string) => {
    if (!options.parse) return undefined;
    if (!models.has(source)) {
      const m = avmTerraformModel(source);
      const tree = m ? options.parse(m.file, m.text) : undefined;
      models.set(source, m && tree ? { dir: m.dir, files: [{ file: m.file, text: m.text, tree }] } : undefined);
    }
    return models.get(source);
  };
  const refused = options.refused ?? new Map<string, string>();
  // A refused file of the root folder is a warning on itself; one of a module's folder, a note on the call.
  for (const [file, why] of refused) if (dirname(file) === root) diagnostics.push(refusedFile(file, why));
  const evaluator = new TerraformEvaluator(budget, [], { config: { folders, root, installed, model, refused }, dir: root, address: '', key: '', path: [], ancestors: [], inputs: new Map() });
  const tfvars = parsed.filter((f) => dirname(f.file) === root && isTfvars(f.file)).sort((a, b) => tfvarsOrder(a.file) - tfvarsOrder(b.file) || a.file.localeCompare(b.file));
  const resources = evaluator.evaluate(folders.get(root) ?? [], tfvars);
  const rootFiles = files.filter((f) => dirname(normalise(f.path)) === root);
  diagnostics.push(...evaluator.diagnostics, ...limitDiagnostics(budget, rootFiles[0]?.path), ...nothingRead(resources, rootFiles));
  const name = options.name ?? (root.split('/').pop() || 'terraform');
  return build(resources, name, diagnostics);
}

/** Terraform loads terraform.tfvars, then *.auto.tfvars in name order; later values win. */
export function isTfvars(file: string): boolean {
  const base = file.split('/').pop() ?? '';
  return base === 'terraform.tfvars' || base.endsWith('.auto.tfvars');
}

function tfvarsOrder(file: string): number {
  return file.endsWith('/terraform.tfvars') || file === 'terraform.tfvars' ? 0 : 1;
}

function shallowestFolder(paths: readonly string[]): string {
  const dirs = paths.map((p) => dirname(normalise(p)));
  return dirs.reduce((best, d) => (best === undefined || d.split('/').length < best.split('/').length ? d : best), undefined as string | undefined) ?? '';
}

/** Module key to folder (relative to the root) from `terraform init`'s modules.json; a note when it cannot be read. */
function installedModules(text: string | undefined, root: string, diagnostics: IacDiagnostic[]): Map<string, string> {
  if (text === undefined) return new Map();
  const dirs = installedModuleDirs(text);
  if (!dirs) diagnostics.push({ file: `${root}/.terraform/modules/modules.json`, range: ZERO_RANGE, severity: 'info', message: 'modules.json is not valid JSON, so modules installed by terraform init are not read; run terraform init again.' });
  return dirs ?? new Map();
}

/** `.terraform/modules/modules.json` as module key (`net`, `net.subnets`) to folder relative to the root; undefined when it is not JSON. */
export function installedModuleDirs(text: string): Map<string, string> | undefined {
  let json: { Modules?: { Key?: unknown; Dir?: unknown }[] };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    return undefined;
  }
  const out = new Map<string, string>();
  for (const m of Array.isArray(json?.Modules) ? json.Modules : []) {
    if (typeof m?.Key === 'string' && m.Key !== '' && typeof m.Dir === 'string') out.set(m.Key, m.Dir);
  }
  return out;
}

/** The folders a Terraform folder's `module` blocks read from disk: local sources resolved against it. */
export function terraformModuleFolders(dir: string, tree: SyntaxTree): string[] {
  const out: string[] = [];
  const body = namedChildren(tree.rootNode).find((n) => n.type === 'body');
  for (const block of body ? namedChildren(body) : []) {
    if (block.type !== 'block' || namedChildren(block)[0]?.text !== 'module') continue;
    const inner = namedChildren(block).find((n) => n.type === 'body');
    for (const attr of inner ? namedChildren(inner) : []) {
      if (attr.type !== 'attribute' || namedChildren(attr)[0]?.text !== 'source') continue;
      const m = /^"(\.\.?\/[^"$%\\]*)"$/.exec(namedChildren(attr)[1]?.text.trim() ?? '');
      if (m) out.push(joinPath(normalise(dir), m[1]!.replace(/\/+$/, '')));
    }
  }
  return out;
}

/**
 * Reads a Bicep file and the local modules it calls (all of which must be in `files`, keyed by path).
 * `params` is the .bicepparam file whose values the template is read with (its tree parsed from
 * bicepParamAsBicep's text).
 */
export function readBicep(entry: string, files: readonly IacSource[], options: { name?: string; params?: IacSource; refused?: Refusals } = {}): IacReadResult {
  const budget = new Budget();
  const diagnostics = unreadable(options.params ? [...files, options.params] : files);
  const refused = options.refused ?? new Map<string, string>();
  const why = refused.get(normalise(entry));
  if (why !== undefined) diagnostics.push(refusedFile(normalise(entry), why));
  const map = new Map<string, BicepFile>();
  for (const f of files) if (f.tree) map.set(normalise(f.path), { file: f.path, text: f.text, tree: f.tree });
  const evaluator = new BicepEvaluator(map, budget, refused);
  const p = options.params;
  const args = p?.tree ? evaluator.paramValues({ file: p.path, text: p.text, tree: p.tree }, bicepParamAsBicep(p.text).names) : new Map();
  const resources = evaluator.evaluate(normalise(entry), args);
  diagnostics.push(...evaluator.diagnostics, ...limitDiagnostics(budget, entry), ...nothingRead(resources, files.filter((f) => normalise(f.path) === normalise(entry))));
  const base = normalise(entry).split('/').pop() ?? 'main.bicep';
  return build(resources, options.name ?? base.replace(/\.bicep$/i, ''), diagnostics);
}

/** The files a Bicep file's `module` declarations point at (local paths only), resolved against it. */
export function bicepModulePaths(file: string, tree: SyntaxTree): string[] {
  const out: string[] = [];
  for (const node of namedChildren(tree.rootNode)) {
    if (node.type !== 'module_declaration') continue;
    const pathNode = node.namedChild(1);
    if (pathNode?.type !== 'string' || pathNode.namedChildCount !== 1 || pathNode.namedChild(0)?.type !== 'string_content') continue;
    const rel = pathNode.namedChild(0)!.text;
    if (isRegistryModule(rel)) continue;
    out.push(joinPath(dirname(normalise(file)), rel));
  }
  return out;
}

function normalise(p: string): string {
  return p.replace(/\\/g, '/');
}

function build(all: readonly IacResource[], name: string, diagnostics: IacDiagnostic[]): IacReadResult {
  const b = new DesignBuilder();
  // Declared resources first, so `existing` re-declarations of them resolve to the same element.
  const resources = [...all.filter((r) => !r.existing), ...all.filter((r) => r.existing)];
  const arm = (r: IacResource) => r.flavour === 'arm';
  const linkTargets = privateLinkTargets(resources);
  for (const r of resources) {
    if (arm(r)) armElements(r, b, linkTargets);
    else terraformElements(r, b);
  }
  for (const r of resources) if (arm(r)) armSubnets(r, b);
  for (const r of resources) (arm(r) ? armChildren : terraformChildren)(r, b);
  for (const r of resources) (arm(r) ? armDnsEndpoints : terraformDnsEndpoints)(r, b);
  for (const r of resources) (arm(r) ? armRelations : terraformRelations)(r, b);
  inferDataGateways(b);
  for (const r of resources) {
    const el = b.element(r.key);
    const id = el?.id ?? b.relationOf(r.key);
    if (!id) continue;
    const ref = el ? { elementId: id } : { relationId: id };
    // A resource read through a stand-in has no text of its own to edit: no extent, so no quick fix.
    if (!r.viaInterface && !b.sourceMap.has({ ...ref, property: '$extent' })) b.sourceMap.set({ ...ref, property: '$extent' }, r.extent);
    if (r.address) b.sourceMap.addresses.set(id, r.address);
  }
  const result = b.finish(name, diagnostics);
  return { ...result, design: sanitise(result.design) };
}

/**
 * Drops any property the schema refuses (a fractional priority, an out-of-range value), so the design is
 * a valid document: a value we cannot represent is unknown, like one we cannot evaluate. A name with a
 * character a design file refuses (an ESC, a bidi control) is the exception: it is kept as written, since
 * dropping the element would leave it silently unchecked, and the reporters escape what they print.
 */
function sanitise(design: Design): Design {
  for (let attempt = 0; attempt < 3; attempt++) {
    const r = parseDesign(design);
    if (r.success) return design;
    const issues = r.error.issues.filter((i) => !isNameCharacterIssue(i));
    if (issues.length === 0) return design;
    for (const issue of issues) {
      const [list, index, prop] = issue.path;
      const owner = list === 'elements' || list === 'relations' ? (design[list] as unknown as Record<string, unknown>[])[index as number] : undefined;
      if (owner && typeof prop === 'string' && !['id', 'kind', 'name', 'parent', 'from', 'to'].includes(prop)) delete owner[prop];
      else if (owner) (design[list as 'elements'] as unknown[]).splice(index as number, 1, undefined);
    }
    design = { ...design, elements: design.elements.filter(Boolean), relations: design.relations.filter(Boolean) };
  }
  return design;
}

/** The schema's refusal of a character in an element name (see `safeText` in schema.ts). */
export function isNameCharacterIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && issue.path.length === 3 && issue.path[0] === 'elements' && issue.path[2] === 'name'
    && typeof (issue.params as Record<string, unknown> | undefined)?.[UNSAFE_CHARACTER_PARAM] === 'number';
}

function refusedFile(file: string, why: string): IacDiagnostic {
  return { file, range: ZERO_RANGE, severity: 'warning', message: `${file.split('/').pop()} is not read: ${why}; what it declares is not checked.` };
}

function unreadable(files: readonly IacSource[]): IacDiagnostic[] {
  return [...files.filter((f) => !f.tree).map((f) => ({
    file: f.path, range: ZERO_RANGE, severity: 'warning' as const,
    message: f.text.length > READ_LIMITS.maxFileChars
      ? `File not checked: ${f.text.length} characters is over the ${READ_LIMITS.maxFileChars} character limit.`
      : 'File not checked: it could not be parsed in the time allowed.',
  })), ...files.filter((f) => f.tree).flatMap(nulBytes)];
}

/** The parsers read a NUL as U+FFFD (iac-parsers' withoutNul); said at the first one, since no tool writes it. */
function nulBytes(f: IacSource): IacDiagnostic[] {
  const at = f.text.indexOf('\0');
  if (at < 0) return [];
  const range = new LineIndex(f.text).range(at, 1);
  const more = f.text.indexOf('\0', at + 1) < 0 ? '' : ' (and more after it)';
  return [{ file: f.path, range, severity: 'warning', message: `File contains a NUL byte at ${range.start.line + 1}:${range.start.character + 1}${more}; read as U+FFFD.` }];
}

/**
 * Syntax errors are the Bicep and Terraform tools' business; we speak up only when they leave nothing to
 * check, so an empty Problems list is not mistaken for a clean bill of health.
 */
function nothingRead(resources: readonly IacResource[], files: readonly IacSource[]): IacDiagnostic[] {
  if (resources.length > 0) return [];
  const broken = files.find((f) => f.tree?.rootNode.hasError);
  if (!broken?.tree) return [];
  const at = firstError(broken.tree.rootNode);
  const lines = new LineIndex(broken.text);
  return [{ file: broken.path, range: lines.range(at, 0), severity: 'warning', message: 'No resources could be read: the file has syntax errors, so no network rule was checked.' }];
}

function firstError(node: SyntaxNode, depth = 0): number {
  if (node.type === 'ERROR' || node.isMissing || depth > 500) return node.startIndex;
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i);
    if (c?.hasError || c?.isMissing) return firstError(c, depth + 1);
  }
  return node.startIndex;
}

function limitDiagnostics(budget: Budget, file: string | undefined): IacDiagnostic[] {
  const out: IacDiagnostic[] = [];
  if (budget.exhausted && file) out.push({ file, range: ZERO_RANGE, severity: 'warning', message: `Only part of the configuration was checked: it exceeds ${READ_LIMITS.maxNodeVisits} evaluation steps.` });
  if (budget.deepestHit && file) out.push({ file, range: ZERO_RANGE, severity: 'info', message: `Expressions nested deeper than ${READ_LIMITS.maxDepth} levels were not evaluated.` });
  return out;
}
