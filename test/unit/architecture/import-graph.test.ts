// The import graph of src/ and webview/: no cycle (type-only imports count: they couple modules as much),
// and every import inside the allow-list of its zone (scripts/import-fences.mjs, the fences ESLint applies).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fenceViolation } from '../../../scripts/import-fences.mjs';

const ROOT = path.resolve(__dirname, '../../..');
const EXTENSIONS = ['.ts', '.tsx', '/index.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** Every module specifier of a file, static, dynamic, export-from and type-only alike. */
function specifiersOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** The repository file a relative specifier names, or undefined for packages and non-code files. */
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return EXTENSIONS.map((ext) => base + ext).find((f) => existsSync(path.join(ROOT, f)));
}

/** The cycles of a graph, each once, as the path that closes it (a → b → a). Iterative DFS with colours. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  for (const start of [...graph.keys()].sort()) {
    if (state.has(start)) continue;
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = graph.get(top.node) ?? [];
      if (top.next >= edges.length) {
        state.set(top.node, 'done');
        stack.pop();
        continue;
      }
      const to = edges[top.next++]!;
      if (state.get(to) === 'open') {
        const from = stack.findIndex((f) => f.node === to);
        cycles.push([...stack.slice(from).map((f) => f.node), to]);
      } else if (!state.has(to)) {
        state.set(to, 'open');
        stack.push({ node: to, next: 0 });
      }
    }
  }
  return cycles;
}

const files = [...sourceFiles('src'), ...sourceFiles('webview')];
const graph = new Map(files.map((f) => [f, specifiersOf(f).map((s) => resolve(f, s)).filter((t): t is string => t !== undefined)]));

describe('import graph', () => {
  it('finds a cycle when there is one (so an empty list below means something)', () => {
    const planted = new Map([['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []]]);
    expect(findCycles(planted)).toEqual([['a', 'b', 'c', 'a']]);
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('src/cli/load-inputs.ts')).toContain('src/node/iac/iac-input-readers.ts');
  });

  it('has no import cycle in src/ or webview/', () => {
    expect(findCycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('keeps every import inside its zone\'s allow-list', () => {
    const violations = files.flatMap((f) => specifiersOf(f).map((s) => fenceViolation(f, s)).filter((v) => v !== undefined).map((v) => `${f}: ${v}`));
    expect(violations).toEqual([]);
  });

  it('the fences refuse what they are there to refuse', () => {
    expect(fenceViolation('webview/Designer.tsx', '../src/vscode/shared/ids')).toMatch(/webview may not import src\/vscode\/shared\/ids/);
    expect(fenceViolation('webview/Designer.tsx', 'vscode')).toMatch(/package 'vscode'/);
    expect(fenceViolation('src/core/model/schema.ts', 'node:fs')).toMatch(/package 'node:fs'/);
    expect(fenceViolation('src/node/iac/iac-files.ts', 'vscode')).toMatch(/src\/node may not import the package 'vscode'/);
    expect(fenceViolation('src/cli/main.ts', 'vscode')).toMatch(/src\/cli may not import/);
    expect(fenceViolation('src/node/iac/iac-input-readers.ts', '../../cli/load-inputs')).toMatch(/src\/node may not import src\/cli\/load-inputs/);
    expect(fenceViolation('src/vscode/diagram/export-diagram.ts', '../designer/designer-session')).toMatch(/sibling feature/);
    expect(fenceViolation('src/vscode/diagram/export-diagram.ts', '../shared/ids')).toBeUndefined();
    expect(fenceViolation('src/vscode/activate-features.ts', './diagram/export-diagram')).toBeUndefined();
    expect(fenceViolation('webview/canvas/Canvas.tsx', '../../src/core/model/schema')).toBeUndefined();
  });
});
