// Loads web-tree-sitter and the Bicep and Terraform grammars once per process (extension host or CLI), from
// out/wasm/ next to the bundle or from node_modules in tests; parses with a time limit and, per file,
// incrementally from the previous tree after an edit.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Edit, Language, Parser, type Tree } from 'web-tree-sitter';
import { LineIndex } from '../../core/model/source-range';
import { minimalReplacement } from '../../core/model/text-diff';
import { READ_LIMITS } from '../../core/iac/read-limits';

export type IacLanguage = 'bicep' | 'terraform';

const WASM = {
  runtime: { file: 'web-tree-sitter.wasm', module: 'web-tree-sitter/web-tree-sitter.wasm' },
  bicep: { file: 'tree-sitter-bicep.wasm', module: 'tree-sitter-bicep/tree-sitter-bicep.wasm' },
  terraform: { file: 'tree-sitter-terraform.wasm', module: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm' },
} as const;

/** A parse longer than this is abandoned (the file is then reported as not checked). */
export const PARSE_TIMEOUT_MS = 3_000;

function here(): string {
  return path.dirname(fileURLToPath(import.meta.url));
}

/** Finds a wasm file: next to the bundle (out/wasm), then in node_modules. */
export function locateWasm(which: keyof typeof WASM): string {
  const dir = here();
  for (const candidate of [path.join(dir, 'wasm', WASM[which].file), path.join(dir, '..', 'wasm', WASM[which].file), path.join(dir, '..', '..', 'out', 'wasm', WASM[which].file)]) {
    if (existsSync(candidate)) return candidate;
  }
  return createRequire(import.meta.url).resolve(WASM[which].module);
}

interface Cached {
  text: string;
  tree: Tree;
}

/** Both parsers plus the last tree of every file, for incremental re-parsing. */
export class IacParsers {
  private readonly cache = new Map<string, Cached>();

  private constructor(private readonly parsers: Record<IacLanguage, Parser>) {}

  static async create(): Promise<IacParsers> {
    await Parser.init({ locateFile: () => locateWasm('runtime') });
    const [bicep, terraform] = await Promise.all([Language.load(locateWasm('bicep')), Language.load(locateWasm('terraform'))]);
    const make = (l: Language) => {
      const p = new Parser();
      p.setLanguage(l);
      return p;
    };
    return new IacParsers({ bicep: make(bicep), terraform: make(terraform) });
  }

  /**
   * Parses `text`; reuses the previous tree of `file` (edited to match) when there is one. Undefined when the
   * file is over the size limit or the parse ran out of time.
   */
  parse(language: IacLanguage, file: string, text: string): Tree | undefined {
    if (text.length > READ_LIMITS.maxFileChars) return undefined;
    const key = `${language}:${file}`;
    const prev = this.cache.get(key);
    if (prev && prev.text === text) return prev.tree;
    let old: Tree | undefined;
    if (prev) {
      old = prev.tree;
      old.edit(editBetween(prev.text, text));
    }
    const deadline = Date.now() + PARSE_TIMEOUT_MS;
    const tree = this.parsers[language].parse(text, old ?? null, { progressCallback: (() => Date.now() > deadline) as () => void }) ?? undefined;
    prev?.tree.delete();
    if (tree) this.cache.set(key, { text, tree });
    else this.cache.delete(key);
    return tree;
  }

  /** Forgets a file's tree (document closed). */
  forget(file: string): void {
    for (const language of ['bicep', 'terraform'] as const) {
      const key = `${language}:${file}`;
      this.cache.get(key)?.tree.delete();
      this.cache.delete(key);
    }
  }
}

/** The single changed span between two texts, as a tree-sitter edit (UTF-16 indexes and positions). */
export function editBetween(before: string, after: string): Edit {
  const r = minimalReplacement(before, after) ?? { offset: before.length, length: 0, text: '' };
  const start = r.offset;
  const oldEnd = r.offset + r.length;
  const newEnd = r.offset + r.text.length;
  const a = new LineIndex(before);
  const b = new LineIndex(after);
  const point = (p: { line: number; character: number }) => ({ row: p.line, column: p.character });
  return new Edit({
    startIndex: start, oldEndIndex: oldEnd, newEndIndex: newEnd,
    startPosition: point(a.position(start)), oldEndPosition: point(a.position(oldEnd)), newEndPosition: point(b.position(newEnd)),
  });
}

let shared: Promise<IacParsers> | undefined;

/** The process-wide parsers (created on first use). */
export function sharedParsers(): Promise<IacParsers> {
  shared ??= IacParsers.create();
  return shared;
}
