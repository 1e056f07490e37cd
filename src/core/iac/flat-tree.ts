// A tree-sitter tree copied into flat arrays in one cursor pass, so the readers walk plain JS memory: every
// property of a web-tree-sitter Node (type, end, children) is a call into wasm and every child an object,
// which made walking the tree cost more than parsing it.
import type { Language, Tree } from 'web-tree-sitter';
import type { SyntaxNode, SyntaxTree } from './syntax-node';

/**
 * web-tree-sitter's cursor functions as its Emscripten module exports them (the object Parser.init fills
 * in). They read and write the cursor in the module's transfer buffer, so calling them directly skips the
 * marshalling the TreeCursor class does around every call; the walk falls back to TreeCursor without them.
 */
export interface CursorExports {
  readonly _ts_init: () => number;
  readonly _ts_tree_cursor_goto_first_child_wasm: (tree: number) => number;
  readonly _ts_tree_cursor_goto_next_sibling_wasm: (tree: number) => number;
  readonly _ts_tree_cursor_goto_parent_wasm: (tree: number) => number;
  readonly _ts_tree_cursor_current_node_type_id_wasm: (tree: number) => number;
  readonly _ts_tree_cursor_start_index_wasm: (tree: number) => number;
  readonly _ts_tree_cursor_end_index_wasm: (tree: number) => number;
  readonly _ts_tree_cursor_current_field_id_wasm: (tree: number) => number;
  readonly HEAP8: Int8Array;
}

const CURSOR_EXPORTS = [
  '_ts_init', '_ts_tree_cursor_goto_first_child_wasm', '_ts_tree_cursor_goto_next_sibling_wasm', '_ts_tree_cursor_goto_parent_wasm',
  '_ts_tree_cursor_current_node_type_id_wasm', '_ts_tree_cursor_start_index_wasm', '_ts_tree_cursor_end_index_wasm',
  '_ts_tree_cursor_current_field_id_wasm',
] as const;

/** The module's cursor exports, if it has them all (a web-tree-sitter that changed its binding does not). */
export function cursorExports(module: object): CursorExports | undefined {
  const m = module as Record<string, unknown>;
  return CURSOR_EXPORTS.every((k) => typeof m[k] === 'function') && m.HEAP8 instanceof Int8Array ? (module as CursorExports) : undefined;
}

/** What a language's node types are called and which are named, looked up once per language. */
export class NodeTypes {
  readonly names: string[];
  readonly named: Uint8Array;
  private readonly fieldIds = new Map<string, number>();

  constructor(private readonly language: Language) {
    this.names = [];
    this.named = new Uint8Array(language.nodeTypeCount);
    for (let id = 0; id < language.nodeTypeCount; id++) {
      // As Node.type has it: a symbol without a name reads as ERROR.
      this.names.push(language.types[id] || 'ERROR');
      this.named[id] = language.nodeTypeIsNamed(id) ? 1 : 0;
    }
  }

  /** The field's id, or -1 when the language has no such field (0 means "no field" on a node). */
  fieldId(name: string): number {
    let id = this.fieldIds.get(name);
    if (id === undefined) {
      id = this.language.fieldIdForName(name) ?? -1;
      this.fieldIds.set(name, id);
    }
    return id;
  }
}

interface Columns {
  readonly types: Uint16Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly after: Int32Array;
  readonly fields: Uint16Array;
}

/**
 * Walks `tree` in preorder into `into` through the raw exports (the cursor lives in the transfer buffer
 * between calls); returns how many nodes it saw. The calls are made directly, not through callbacks: this loop is the copy.
 */
function rawCopy(tree: Tree, m: CursorExports, into: Columns): number {
  const { types, starts, ends, after, fields } = into;
  const cursor = tree.walk();
  const t = (tree as unknown as Record<number, number>)[0]!;
  const first = m._ts_tree_cursor_goto_first_child_wasm;
  const next = m._ts_tree_cursor_goto_next_sibling_wasm;
  const parent = m._ts_tree_cursor_goto_parent_wasm;
  const typeId = m._ts_tree_cursor_current_node_type_id_wasm;
  const start = m._ts_tree_cursor_start_index_wasm;
  const end = m._ts_tree_cursor_end_index_wasm;
  const field = m._ts_tree_cursor_current_field_id_wasm;
  const open = new Int32Array(types.length + 1);
  let depth = 0;
  let n = 0;
  try {
    for (let entered = true; ;) {
      if (entered) {
        types[n] = typeId(t);
        starts[n] = start(t);
        ends[n] = end(t);
        fields[n] = field(t);
        open[depth++] = n++;
        if (first(t) === 1) continue;
      }
      // The node has no (more) children: close it, then go on to its next sibling or back to its parent.
      after[open[--depth]!] = n;
      if (depth === 0) break;
      entered = next(t) === 1;
      if (!entered) parent(t);
    }
  } finally {
    // The moves may have reallocated the cursor's stack: hand TreeCursor the current state before it frees it.
    const buffer = m._ts_init();
    const view = new DataView(m.HEAP8.buffer);
    const c = cursor as unknown as Record<number, number>;
    for (let k = 0; k < 4; k++) c[k] = view.getInt32(buffer + 4 * k, true);
    cursor.delete();
  }
  return n;
}

/** The same walk through web-tree-sitter's TreeCursor (about twice the cost). */
function cursorCopy(tree: Tree, into: Columns): number {
  const { types, starts, ends, after, fields } = into;
  const c = tree.walk();
  const open = new Int32Array(types.length + 1);
  let depth = 0;
  let n = 0;
  try {
    for (let entered = true; ;) {
      if (entered) {
        types[n] = c.nodeTypeId;
        starts[n] = c.startIndex;
        ends[n] = c.endIndex;
        fields[n] = c.currentFieldId;
        open[depth++] = n++;
        if (c.gotoFirstChild()) continue;
      }
      after[open[--depth]!] = n;
      if (depth === 0) break;
      entered = c.gotoNextSibling();
      if (!entered) c.gotoParent();
    }
  } finally {
    c.delete();
  }
  return n;
}

/**
 * A parsed file as flat arrays in document order (preorder): node i's children start at i + 1, and
 * `after[i]` is the index just past its last descendant, so its next sibling is at `after[child]`.
 */
export class FlatTree implements SyntaxTree {
  readonly rootNode: SyntaxNode;

  private constructor(
    readonly text: string,
    readonly nodeTypes: NodeTypes,
    readonly types: Uint16Array,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    readonly after: Int32Array,
    readonly fields: Uint16Array,
  ) {
    this.rootNode = new FlatNode(this, 0);
  }

  /**
   * Copies `tree` (parsed from `text`) in one walk. Only a tree without syntax errors is copied: the copy
   * has no ERROR or MISSING nodes to tell apart, so a tree with errors is read through web-tree-sitter.
   */
  static of(tree: Tree, text: string, nodeTypes: NodeTypes, exports: CursorExports | undefined): FlatTree | undefined {
    const root = tree.rootNode;
    if (root.hasError) return undefined;
    const count = root.descendantCount;
    const types = new Uint16Array(count);
    const starts = new Int32Array(count);
    const ends = new Int32Array(count);
    const after = new Int32Array(count);
    const fields = new Uint16Array(count);
    const columns = { types, starts, ends, after, fields };
    const n = exports ? rawCopy(tree, exports, columns) : cursorCopy(tree, columns);
    // descendantCount and the walk count the same nodes; a mismatch would be a binding we misread.
    if (n !== count) return undefined;
    return new FlatTree(text, nodeTypes, types, starts, ends, after, fields);
  }
}

/** A node of a FlatTree: an index into its arrays, made on demand (nothing of it is cached). */
class FlatNode implements SyntaxNode {
  constructor(private readonly t: FlatTree, private readonly i: number) {}

  get type(): string {
    return this.t.nodeTypes.names[this.t.types[this.i]!] ?? 'ERROR';
  }

  get text(): string {
    return this.t.text.slice(this.t.starts[this.i]!, this.t.ends[this.i]!);
  }

  get startIndex(): number {
    return this.t.starts[this.i]!;
  }

  get endIndex(): number {
    return this.t.ends[this.i]!;
  }

  get isNamed(): boolean {
    return this.t.nodeTypes.named[this.t.types[this.i]!] === 1;
  }

  get isMissing(): boolean {
    return false;
  }

  get hasError(): boolean {
    return false;
  }

  get childCount(): number {
    let k = 0;
    for (let c = this.i + 1, end = this.t.after[this.i]!; c < end; c = this.t.after[c]!) k++;
    return k;
  }

  get namedChildCount(): number {
    let k = 0;
    const { after, types, nodeTypes } = this.t;
    for (let c = this.i + 1, end = after[this.i]!; c < end; c = after[c]!) if (nodeTypes.named[types[c]!] === 1) k++;
    return k;
  }

  child(index: number): SyntaxNode | null {
    let k = 0;
    for (let c = this.i + 1, end = this.t.after[this.i]!; c < end; c = this.t.after[c]!) if (k++ === index) return new FlatNode(this.t, c);
    return null;
  }

  namedChild(index: number): SyntaxNode | null {
    let k = 0;
    const { after, types, nodeTypes } = this.t;
    for (let c = this.i + 1, end = after[this.i]!; c < end; c = after[c]!) {
      if (nodeTypes.named[types[c]!] === 1 && k++ === index) return new FlatNode(this.t, c);
    }
    return null;
  }

  childForFieldName(name: string): SyntaxNode | null {
    const id = this.t.nodeTypes.fieldId(name);
    if (id <= 0) return null;
    const { after, fields } = this.t;
    for (let c = this.i + 1, end = after[this.i]!; c < end; c = after[c]!) if (fields[c] === id) return new FlatNode(this.t, c);
    return null;
  }

  get namedChildren(): SyntaxNode[] {
    return this.namedChildList();
  }

  namedChildList(): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    const { after, types, nodeTypes } = this.t;
    for (let c = this.i + 1, end = after[this.i]!; c < end; c = after[c]!) if (nodeTypes.named[types[c]!] === 1) out.push(new FlatNode(this.t, c));
    return out;
  }

  get children(): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (let c = this.i + 1, end = this.t.after[this.i]!; c < end; c = this.t.after[c]!) out.push(new FlatNode(this.t, c));
    return out;
  }
}
