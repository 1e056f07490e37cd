// The flat copy of a tree-sitter tree answers every question the readers ask exactly as web-tree-sitter's own
// nodes do, node by node over every IaC fixture, through both walks (raw exports and TreeCursor); trees with
// syntax errors are not copied.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { cursorExports, FlatTree, NodeTypes, type CursorExports } from '../../../src/core/iac/flat-tree';
import type { SyntaxNode } from '../../../src/core/iac/syntax-node';
import { locateWasm } from '../../../src/node/iac/tree-sitter-parsers';
import { FIXTURES } from './iac-support';

function fixtureFiles(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name));
}

let exports: CursorExports | undefined;
const parsers: Partial<Record<'bicep' | 'terraform', { parser: Parser; types: NodeTypes; language: Language }>> = {};

beforeAll(async () => {
  const module = { wasmBinary: readFileSync(locateWasm('runtime')), locateFile: () => 'web-tree-sitter.wasm' };
  await Parser.init(module);
  exports = cursorExports(module);
  for (const which of ['bicep', 'terraform'] as const) {
    const language = await Language.load(readFileSync(locateWasm(which)));
    const parser = new Parser();
    parser.setLanguage(language);
    parsers[which] = { parser, types: new NodeTypes(language), language };
  }
});

/** Compares a flat node with the real one, and their subtrees, on everything SyntaxNode offers. */
function same(flat: SyntaxNode, real: Node, fields: readonly string[], where: string): void {
  const at = `${where} ${real.type}@${real.startIndex}`;
  expect([flat.type, flat.startIndex, flat.endIndex, flat.isNamed, flat.isMissing, flat.hasError], at)
    .toEqual([real.type, real.startIndex, real.endIndex, real.isNamed, real.isMissing, real.hasError]);
  expect(flat.text, at).toBe(real.text);
  expect([flat.childCount, flat.namedChildCount], at).toEqual([real.childCount, real.namedChildCount]);
  for (const name of fields) {
    const r = real.childForFieldName(name);
    const f = flat.childForFieldName(name);
    expect(f && [f.type, f.startIndex, f.endIndex], `${at} field ${name}`).toEqual(r && [r.type, r.startIndex, r.endIndex]);
  }
  const named = flat.namedChildren!;
  expect(named.map((n) => n!.startIndex), at).toEqual(real.namedChildren.map((n) => n.startIndex));
  expect(flat.namedChild(real.namedChildCount)).toBeNull();
  for (let i = 0; i < real.namedChildCount; i++) expect(flat.namedChild(i)!.startIndex, at).toBe(real.namedChild(i)!.startIndex);
  for (let i = 0; i < real.childCount; i++) same(flat.child(i)!, real.child(i)!, fields, where);
  expect(flat.children!.length).toBe(real.childCount);
  expect(flat.child(real.childCount)).toBeNull();
}

describe('FlatTree', () => {
  for (const [which, ext] of [['terraform', '.tf'], ['bicep', '.bicep']] as const) {
    it(`copies every ${ext} fixture node for node, through both walks`, () => {
      const { parser, types, language } = parsers[which]!;
      expect(exports, 'the runtime exports its cursor functions').toBeDefined();
      const fields = language.fields.filter((f): f is string => typeof f === 'string');
      const files = fixtureFiles(FIXTURES, ext);
      expect(files.length).toBeGreaterThan(3);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const tree = parser.parse(text)!;
        if (tree.rootNode.hasError) continue;
        for (const walk of [exports, undefined]) {
          const flat = FlatTree.of(tree, text, types, walk);
          expect(flat, file).toBeDefined();
          same(flat!.rootNode, tree.rootNode, fields, path.relative(FIXTURES, file));
        }
        tree.delete();
      }
    });
  }

  it('does not copy a tree with syntax errors', () => {
    const { parser, types } = parsers.terraform!;
    const text = 'resource "azurerm_subnet" "a" {\n  name = \n';
    const tree = parser.parse(text)!;
    expect(tree.rootNode.hasError).toBe(true);
    expect(FlatTree.of(tree, text, types, exports)).toBeUndefined();
    tree.delete();
  });

  it('leaves the parser usable after a walk (the cursor is freed with its final state)', () => {
    const { parser, types } = parsers.bicep!;
    const text = readFileSync(fixtureFiles(FIXTURES, '.bicep')[0]!, 'utf8');
    for (let i = 0; i < 20; i++) {
      const tree = parser.parse(text)!;
      expect(FlatTree.of(tree, text, types, exports)!.rootNode.text).toBe(tree.rootNode.text);
      tree.delete();
    }
  });
});
