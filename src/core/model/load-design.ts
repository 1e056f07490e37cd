// Reads a `*.ppvnet.json` text into a Design, or returns positioned errors. Never throws, never
// repairs: a document that does not load is shown as an error and left untouched.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { checkIntegrity } from './integrity';
import { DESIGN_VERSION, designSchema, type Design } from './schema';
import { LineIndex, ZERO_RANGE, type SourceRange } from './source-range';

export interface LoadError {
  readonly message: string;
  readonly range: SourceRange;
  /** JSON path of the offending value, when known. */
  readonly path?: readonly (string | number)[];
}

export type LoadResult =
  | { readonly ok: true; readonly design: Design; readonly index: DesignIndex }
  | { readonly ok: false; readonly errors: readonly LoadError[] };

/** Where each element, relation and property sits in the text, for diagnostics on the design file. */
export interface DesignIndex {
  rangeOf(path: readonly (string | number)[]): SourceRange | undefined;
  elementRange(id: string, property?: string): SourceRange | undefined;
  relationRange(id: string, property?: string): SourceRange | undefined;
}

/** Generous bounds: real designs are far below them; hostile files stop here with a clear message. */
export const MAX_DESIGN_CHARS = 50 * 1024 * 1024;
export const MAX_DESIGN_DEPTH = 64;

export function loadDesign(text: string): LoadResult {
  const lines = new LineIndex(text);
  if (text.length > MAX_DESIGN_CHARS) {
    return fail([{ message: `The design is ${(text.length / 1048576).toFixed(1)} MB; the designer opens designs up to ${MAX_DESIGN_CHARS / 1048576} MB.`, range: ZERO_RANGE }]);
  }
  const deep = findExcessiveNesting(text);
  if (deep !== undefined) {
    return fail([{ message: `Nesting deeper than ${MAX_DESIGN_DEPTH} levels; a design document is never nested this deep.`, range: lines.range(deep, 1) }]);
  }
  if (text.trim() === '') return fail([{ message: 'The file is empty. Use "Power Platform VNet: New Design" to start one.', range: ZERO_RANGE }]);

  const syntax: ParseError[] = [];
  const root = parseTree(text, syntax, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (syntax.length > 0 || !root) {
    return fail(syntax.slice(0, 20).map((e) => ({ message: `JSON syntax: ${describeParseError(e)}`, range: lines.range(e.offset, Math.max(1, e.length)) })));
  }
  if (root.type !== 'object') return fail([{ message: 'A design is a JSON object with "version", "name", "elements" and "relations".', range: lines.range(root.offset, root.length) }]);

  const versionNode = findNodeAtLocation(root, ['version']);
  if (!versionNode) return fail([{ message: `Missing "version": ${DESIGN_VERSION}.`, range: lines.range(root.offset, 1), path: ['version'] }]);
  if (versionNode.value !== DESIGN_VERSION) {
    const v = versionNode.value;
    const message = typeof v === 'number' && Number.isInteger(v) && v > DESIGN_VERSION
      ? `This design is version ${v}, written by a newer Power Platform VNet Designer; this one reads version ${DESIGN_VERSION}. Update the extension to open it. The file has not been changed.`
      : `"version" must be ${DESIGN_VERSION}, found ${JSON.stringify(v)}.`;
    return fail([{ message, range: lines.range(versionNode.offset, versionNode.length), path: ['version'] }]);
  }

  const index = makeIndex(root, lines);
  let plain: unknown;
  try {
    plain = toPlainValue(root);
  } catch (e) {
    if (!(e instanceof DuplicateKey)) throw e;
    return fail([{ message: e.message + ' Each key may appear once per object.', range: lines.range(e.node.offset, e.node.length) }]);
  }
  const parsed = designSchema.safeParse(plain);
  if (!parsed.success) return fail(parsed.error.issues.slice(0, 50).map((i) => issueToError(i, root, lines)));

  const integrity = checkIntegrity(parsed.data);
  if (integrity.length > 0) {
    return fail(integrity.slice(0, 50).map((p) => ({ message: p.message, path: p.path, range: index.rangeOf(p.path) ?? ZERO_RANGE })));
  }
  return { ok: true, design: parsed.data, index };
}

function fail(errors: LoadError[]): LoadResult {
  return { ok: false, errors };
}

function describeParseError(e: ParseError): string {
  const code = printParseErrorCode(e.error);
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Scans bracket depth outside strings so deep nesting is refused before the recursive parser sees it. */
function findExcessiveNesting(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DESIGN_DEPTH) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

/** Builds the plain value ourselves so duplicate keys are caught (JSON.parse keeps the last silently). */
function toPlainValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) {
          const key = k.value as string;
          if (Object.prototype.hasOwnProperty.call(out, key)) throw new DuplicateKey(key, k);
          // Keys like __proto__ must not reach the prototype chain.
          Object.defineProperty(out, key, { value: toPlainValue(v), enumerable: true, writable: true, configurable: true });
        }
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(toPlainValue);
    default:
      return node.value;
  }
}

class DuplicateKey extends Error {
  constructor(readonly key: string, readonly node: Node) {
    super(`Duplicate key "${key}".`);
  }
}

function issueToError(issue: z.core.$ZodIssue, root: Node, lines: LineIndex): LoadError {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  let node = findNodeAtLocation(root, path) ?? nearestNode(root, path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys;
    message = `Unknown propert${keys.length > 1 ? 'ies' : 'y'} ${keys.map((k) => `"${k}"`).join(', ')}${describeOwner(root, path)}. The designer keeps only what it understands, so it will not open the file rather than drop them.`;
    const keyNode = node?.children?.find((p) => p.children?.[0]?.value === keys[0])?.children?.[0];
    if (keyNode) node = keyNode;
  } else if (issue.code === 'invalid_union' && path[path.length - 1] === 'kind') {
    const v = findNodeAtLocation(root, path)?.value;
    message = v === undefined
      ? `Missing "kind"${describeOwner(root, path.slice(0, -1))}.`
      : `Unknown kind ${JSON.stringify(v)}. Known kinds: ${(issue as { options?: unknown[] }).options?.join(', ') ?? ''}.`;
  } else {
    message = `${message}${describeOwner(root, path)} (at ${formatPath(path)})`;
  }
  const range = node ? lines.range(node.offset, node.length) : ZERO_RANGE;
  return { message, range, path };
}

function describeOwner(root: Node, path: readonly (string | number)[]): string {
  if ((path[0] === 'elements' || path[0] === 'relations') && typeof path[1] === 'number') {
    const idValue = findNodeAtLocation(root, [path[0], path[1], 'id'])?.value;
    const kindValue = findNodeAtLocation(root, [path[0], path[1], 'kind'])?.value;
    if (typeof idValue === 'string') return ` on ${typeof kindValue === 'string' ? kindValue + ' ' : ''}"${idValue}"`;
  }
  return '';
}

function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(root)';
}

function nearestNode(root: Node, path: readonly (string | number)[]): Node | undefined {
  for (let n = path.length - 1; n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (node) return node;
  }
  return root;
}

function makeIndex(root: Node, lines: LineIndex): DesignIndex {
  const rangeOf = (path: readonly (string | number)[]) => {
    const node = findNodeAtLocation(root, [...path]);
    return node ? lines.range(node.offset, node.length) : undefined;
  };
  const positionsById = (list: 'elements' | 'relations') => {
    const map = new Map<string, number>();
    const arr = findNodeAtLocation(root, [list]);
    arr?.children?.forEach((child, i) => {
      const idNode = findNodeAtLocation(child, ['id']);
      if (typeof idNode?.value === 'string' && !map.has(idNode.value)) map.set(idNode.value, i);
    });
    return map;
  };
  let elements: Map<string, number> | undefined;
  let relations: Map<string, number> | undefined;
  const lookup = (list: 'elements' | 'relations', id: string, property?: string) => {
    const map = list === 'elements' ? (elements ??= positionsById('elements')) : (relations ??= positionsById('relations'));
    const i = map.get(id);
    if (i === undefined) return undefined;
    return (property && rangeOf([list, i, property])) || rangeOf([list, i, 'id']) || rangeOf([list, i]);
  };
  return {
    rangeOf,
    elementRange: (id, property) => lookup('elements', id, property),
    relationRange: (id, property) => lookup('relations', id, property),
  };
}
