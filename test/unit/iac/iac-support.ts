// Test support for the IaC readers: the real tree-sitter parsers, fixture reading, and a compact
// view of a read (elements and relations by id) for assertions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBicep, readTerraform, type IacReadResult, type IacSource } from '../../../src/core/iac/read-iac';
import type { Element, Relation } from '../../../src/core/model/schema';
import { readBicepFile, readTerraformFolder } from '../../../src/node/iac/iac-files';
import { IacParsers, sharedParsers } from '../../../src/node/iac/tree-sitter-parsers';

export const ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/iac');

export const parsers = (): Promise<IacParsers> => sharedParsers();

export async function readFixture(rel: string): Promise<IacReadResult> {
  const abs = path.join(FIXTURES, rel);
  const p = await parsers();
  return rel.endsWith('.bicep') ? readBicepFile(abs, { parsers: p }) : readTerraformFolder(abs, { parsers: p });
}

/** Reads in-memory Terraform files (name → text) as one module. */
export async function tf(files: Record<string, string> | string): Promise<IacReadResult> {
  const p = await parsers();
  const all = typeof files === 'string' ? { 'main.tf': files } : files;
  const sources: IacSource[] = Object.entries(all).map(([name, text]) => ({ path: `/mem/${name}`, text, tree: p.parse('terraform', `/mem/${name}`, text) }));
  return readTerraform(sources, { root: '/mem', parse: (file, text) => p.parse('terraform', file, text) });
}

/** Reads in-memory Bicep: the first file is the entry; others are modules by path. */
export async function bicep(files: Record<string, string> | string): Promise<IacReadResult> {
  const p = await parsers();
  const all = typeof files === 'string' ? { 'main.bicep': files } : files;
  const sources: IacSource[] = Object.entries(all).map(([name, text]) => ({ path: `/mem/${name}`, text, tree: p.parse('bicep', `/mem/${name}`, text) }));
  return readBicep(sources[0]!.path, sources);
}

export function el(r: IacReadResult, id: string): Element & Record<string, unknown> {
  const e = r.design.elements.find((x) => x.id === id);
  if (!e) throw new Error(`no element ${id}; have ${r.design.elements.map((x) => x.id).join(', ')}`);
  return e as Element & Record<string, unknown>;
}

export function rels(r: IacReadResult, kind: Relation['kind']): string[] {
  return r.design.relations.filter((x) => x.kind === kind).map((x) => `${x.from} -> ${x.to}`).sort();
}

/** The text of the line a location starts on. */
export function lineAt(file: string, line: number): string {
  return readFileSync(file, 'utf8').split(/\r?\n/)[line] ?? '';
}

