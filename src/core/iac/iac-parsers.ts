// The Bicep and Terraform tree-sitter parsers, shared by the Node host, the CLI and the web worker host: they
// are built from wasm bytes the host loads (disk on Node, the extension's out/wasm via workspace.fs on the
// web); parses with a time limit and, per file, incrementally from the previous tree after an edit.
import { Edit, Language, Parser, type Tree } from 'web-tree-sitter';
import { LineIndex } from '../model/source-range';
import { minimalReplacement } from '../model/text-diff';
import { cursorExports, FlatTree, NodeTypes, type CursorExports } from './flat-tree';
import { READ_LIMITS } from './read-limits';
import type { SyntaxTree } from './syntax-node';

export type IacLanguage = 'bicep' | 'terraform';

/** The wasm files the parsers are made of, as shipped in out/wasm. */
export const WASM_FILES = {
  runtime: 'web-tree-sitter.wasm',
  bicep: 'tree-sitter-bicep.wasm',
  terraform: 'tree-sitter-terraform.wasm',
} as const;

export type WasmFile = keyof typeof WASM_FILES;

/** A parse longer than this is abandoned (the file is then reported as not checked). */
export const PARSE_TIMEOUT_MS = 3_000;

interface Cached {
  text: string;
  tree: Tree;
  /** What the readers walk: the tree copied into flat arrays, or the tree itself when it has syntax errors. */
  read: SyntaxTree;
}

/** Both parsers plus the last tree of every file, for incremental re-parsing. */
export class IacParsers {
  private readonly cache = new Map<string, Cached>();

  private constructor(
    private readonly parsers: Record<IacLanguage, Parser>,
    private readonly nodeTypes: Record<IacLanguage, NodeTypes>,
    private readonly exports: CursorExports | undefined,
  ) {}

  /** Builds the parsers from the bytes `load` returns for each wasm file. */
  static async create(load: (file: WasmFile) => Promise<Uint8Array>): Promise<IacParsers> {
    const [runtime, bicepWasm, terraformWasm] = await Promise.all([load('runtime'), load('bicep'), load('terraform')]);
    // Handing the runtime its bytes keeps it from looking for the file itself (it would use fs or fetch).
    // Emscripten builds the module on this object, so it then holds the runtime's exports (see flat-tree).
    const module = { wasmBinary: runtime, locateFile: () => WASM_FILES.runtime };
    await Parser.init(module);
    const [bicep, terraform] = await Promise.all([Language.load(bicepWasm), Language.load(terraformWasm)]);
    const make = (l: Language) => {
      const p = new Parser();
      p.setLanguage(l);
      return p;
    };
    return new IacParsers({ bicep: make(bicep), terraform: make(terraform) }, { bicep: new NodeTypes(bicep), terraform: new NodeTypes(terraform) }, cursorExports(module));
  }

  /**
   * Parses `text`; reuses the previous tree of `file` (edited to match) when there is one. Undefined when the
   * file is over the size limit or the parse ran out of time.
   */
  parse(language: IacLanguage, file: string, text: string): SyntaxTree | undefined {
    if (text.length > READ_LIMITS.maxFileChars) return undefined;
    const key = `${language}:${file}`;
    const prev = this.cache.get(key);
    if (prev && prev.text === text) return prev.read;
    let old: Tree | undefined;
    if (prev) {
      old = prev.tree;
      old.edit(editBetween(prev.text, text));
    }
    const deadline = Date.now() + PARSE_TIMEOUT_MS;
    const parsed = withoutNul(text);
    const tree = this.parsers[language].parse(parsed, old ?? null, { progressCallback: (() => Date.now() > deadline) as () => void }) ?? undefined;
    prev?.tree.delete();
    if (!tree) {
      this.cache.delete(key);
      return undefined;
    }
    const read = FlatTree.of(tree, parsed, this.nodeTypes[language], this.exports) ?? tree;
    this.cache.set(key, { text, tree, read });
    return read;
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

/**
 * Tree-sitter ends a file at its first NUL, so everything after one would go unread: NUL is parsed as U+FFFD
 * instead (one UTF-16 unit too, so every position stays), and the reader warns where it was (read-iac).
 */
export function withoutNul(text: string): string {
  return text.includes('\0') ? text.replaceAll('\0', '\uFFFD') : text;
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
