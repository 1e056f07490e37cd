// Compares IaC reads across layouts (modules or one file, Bicep or Terraform): the design with ids replaced by
// deployed names, and the findings by rule and name, since element ids differ between layouts.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import type { IacReadResult } from '../../../src/core/iac/read-iac';
import { FIXTURES } from './iac-support';
import { canonicalRegion } from '../../../src/core/rules/analysis/regions';
import { validateDesign } from '../../../src/core/rules/engine';

/**
 * A design with ids replaced by what makes them comparable across layouts: each element by kind and deployed
 * name (subnets under their VNet's name), regions canonical, relations by kind and the names of their ends.
 */
export function shape(r: IacReadResult) {
  type Loose = { id: string; kind: string; name: string; parent?: string; region?: string };
  const all = r.design.elements as unknown as Loose[];
  const byId = new Map(all.map((e) => [e.id, e]));
  const nameOf = (id: string): string => {
    const e = byId.get(id)!;
    return e.parent ? `${nameOf(e.parent)}/${e.name}` : `${e.kind}:${e.name}`;
  };
  const elements = all.map((e) => {
    const { id: _id, parent: _parent, ...rest } = e;
    return JSON.stringify({ ...rest, ...(rest.region ? { region: canonicalRegion(rest.region) } : {}), at: nameOf(e.id) });
  }).sort();
  const relations = r.design.relations.map((x) => {
    const { id: _id, from, to, ...rest } = x;
    return JSON.stringify({ ...rest, from: nameOf(from), to: nameOf(to) });
  }).sort();
  return { elements, relations };
}

/** Findings by rule, severity and the deployed names they mention (element ids differ between layouts). */
export function findings(r: IacReadResult): string[] {
  const names = new Map(r.design.elements.map((e) => [e.id, e.name]));
  return validateDesign(r.design, { locate: r.locate })
    .map((f) => `${f.ruleId} ${f.severity} ${f.elementId ? names.get(f.elementId) : ''} ${f.message.replace(/ \([^)]*\)/g, '')}`)
    .sort();
}

const temps: string[] = [];
// Registered when a test file imports this module, so it runs after that file's tests.
afterAll(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** A temporary copy of a fixture folder with text replacements in the named files and extra files added; removed after the file's tests. */
export function variant(folder: string, edits: Record<string, [string, string][]>, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `ppvnet-${folder}-`));
  temps.push(dir);
  cpSync(path.join(FIXTURES, folder), dir, { recursive: true });
  for (const [file, pairs] of Object.entries(edits)) {
    let text = readFileSync(path.join(dir, file), 'utf8');
    for (const [from, to] of pairs) {
      expect(text, `${file} contains ${from}`).toContain(from);
      text = text.split(from).join(to);
    }
    writeFileSync(path.join(dir, file), text);
  }
  for (const [file, text] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
