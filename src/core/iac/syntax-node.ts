// The slice of a tree-sitter syntax tree the IaC readers use. web-tree-sitter's Node and Tree satisfy it
// structurally, so the pure core never loads the parser runtime (the host and the CLI hand trees in).

/** A node of a concrete syntax tree (tree-sitter). Offsets are UTF-16 indexes into the parsed text. */
export interface SyntaxNode {
  readonly type: string;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly isNamed: boolean;
  readonly isMissing: boolean;
  readonly hasError: boolean;
  readonly childCount: number;
  readonly namedChildCount: number;
  child(index: number): SyntaxNode | null;
  namedChild(index: number): SyntaxNode | null;
  childForFieldName(name: string): SyntaxNode | null;
  /** All named children in one call (web-tree-sitter has it; far cheaper than namedChild(i) in a loop). */
  readonly namedChildren?: readonly (SyntaxNode | null)[];
  readonly children?: readonly (SyntaxNode | null)[];
  /** The named children as a new array the caller may keep (FlatTree's nodes make one per call anyway). */
  namedChildList?(): SyntaxNode[];
}

export interface SyntaxTree {
  readonly rootNode: SyntaxNode;
}

/** Parses one file's text; the reader calls it once per file (and per Bicep module it follows). */
export type ParseText = (text: string, file: string) => SyntaxTree | undefined;

/** The named children of a node, as an array. */
export function namedChildren(node: SyntaxNode): SyntaxNode[] {
  if (node.namedChildList) return node.namedChildList();
  const all = node.namedChildren;
  if (all) return all.filter((c): c is SyntaxNode => c !== null);
  const out: SyntaxNode[] = [];
  for (let i = 0; i < node.namedChildCount; i++) {
    const c = node.namedChild(i);
    if (c) out.push(c);
  }
  return out;
}

/** Whether an unnamed child token (a keyword such as `existing`) is present. */
export function hasToken(node: SyntaxNode, token: string): boolean {
  if (node.children) return node.children.some((c) => c !== null && !c.isNamed && c.type === token);
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i);
    if (c && !c.isNamed && c.type === token) return true;
  }
  return false;
}
