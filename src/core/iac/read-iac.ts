// Entry points of the IaC readers: a Terraform module folder or a Bicep file (with its local modules) in,
// the design the rules judge plus a Locator and the reader's own diagnostics out. Callers parse; this is pure.
import type { z } from 'zod';
import { designSchema, UNSAFE_CHARACTER_PARAM, type Design } from '../model/schema';
import { LineIndex, ZERO_RANGE } from '../model/source-range';
import { armChildren, armElements, armRelations, armSubnets, privateLinkTargets } from './arm-mapping';
import { BicepEvaluator, dirname, joinPath, type BicepFile } from './bicep-evaluator';
import { isRegistryModule } from './bicep-avm';
import { bicepParamAsBicep } from './bicep-params';
import { DesignBuilder, type IacReadResult } from './design-builder';
import type { IacDiagnostic, IacResource } from './iac-resource';
import { Budget, READ_LIMITS } from './read-limits';
import { namedChildren, type SyntaxNode, type SyntaxTree } from './syntax-node';
import { TerraformEvaluator } from './terraform-evaluator';
import { terraformChildren, terraformElements, terraformRelations } from './terraform-mapping';

/** One source file; `tree` is absent when the caller did not parse it (too large, parse timed out). */
export interface IacSource {
  readonly path: string;
  readonly text: string;
  readonly tree: SyntaxTree | undefined;
}

export type { IacReadResult } from './design-builder';

/** Reads every `.tf` file of one Terraform module folder into one design. */
export function readTerraform(files: readonly IacSource[], options: { name?: string } = {}): IacReadResult {
  const budget = new Budget();
  const diagnostics = unreadable(files);
  const evaluator = new TerraformEvaluator(budget);
  const parsed = files.filter((f): f is IacSource & { tree: SyntaxTree } => f.tree !== undefined).map((f) => ({ file: f.path, text: f.text, tree: f.tree }));
  const resources = evaluator.evaluate(parsed);
  diagnostics.push(...evaluator.diagnostics, ...limitDiagnostics(budget, files[0]?.path), ...nothingRead(resources, files));
  const name = options.name ?? (dirname(files[0]?.path ?? '').split('/').pop() || 'terraform');
  return build(resources, name, diagnostics);
}

/**
 * Reads a Bicep file and the local modules it calls (all of which must be in `files`, keyed by path).
 * `params` is the .bicepparam file whose values the template is read with (its tree parsed from
 * bicepParamAsBicep's text).
 */
export function readBicep(entry: string, files: readonly IacSource[], options: { name?: string; params?: IacSource } = {}): IacReadResult {
  const budget = new Budget();
  const diagnostics = unreadable(options.params ? [...files, options.params] : files);
  const map = new Map<string, BicepFile>();
  for (const f of files) if (f.tree) map.set(normalise(f.path), { file: f.path, text: f.text, tree: f.tree });
  const evaluator = new BicepEvaluator(map, budget);
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
  for (const r of resources) (arm(r) ? armRelations : terraformRelations)(r, b);
  for (const r of resources) {
    const el = b.element(r.key);
    const id = el?.id ?? b.relationOf(r.key);
    if (!id) continue;
    const ref = el ? { elementId: id } : { relationId: id };
    if (!b.sourceMap.has({ ...ref, property: '$extent' })) b.sourceMap.set({ ...ref, property: '$extent' }, r.extent);
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
    const r = designSchema.safeParse(design);
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

function unreadable(files: readonly IacSource[]): IacDiagnostic[] {
  return files.filter((f) => !f.tree).map((f) => ({
    file: f.path, range: ZERO_RANGE, severity: 'warning' as const,
    message: f.text.length > READ_LIMITS.maxFileChars
      ? `File not checked: ${f.text.length} characters is over the ${READ_LIMITS.maxFileChars} character limit.`
      : 'File not checked: it could not be parsed in the time allowed.',
  }));
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
