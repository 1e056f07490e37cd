// Reads a `*.ppvnet.json` text into a Design, or returns positioned errors. Never throws, never
// repairs: a document that does not load is shown as an error and left untouched.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { withoutByteOrderMark } from './byte-order-mark';
import { checkIntegrityIndexed } from './integrity';
import { DuplicateKeyError, NestingError, scanDesignSpans, stringEnd, type DesignSpans, type ItemList, type Span } from './json-spans';
import { DESIGN_VERSION, parseDesign, UNSAFE_CHARACTER_PARAM, type Design } from './schema';
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

/**
 * Every load path (CLI, editor, folder scan) comes through here, so a leading BOM is dropped here, once;
 * positions in the result are in the text after it, as VS Code shows them.
 */
export function loadDesign(source: string): LoadResult {
  const text = withoutByteOrderMark(source);
  const lines = new LineIndex(text);
  if (text.length > MAX_DESIGN_CHARS) {
    return fail([{ message: `The design is ${(text.length / 1048576).toFixed(1)} MB; the designer opens designs up to ${MAX_DESIGN_CHARS / 1048576} MB.`, range: ZERO_RANGE }]);
  }
  // Deep nesting is refused before any recursive parser sees it. The native parser is not recursive, so on
  // the fast path the span scan checks depth in its one pass; every error path checks it first.
  const tooDeep = (offset: number) => fail([{ message: `Nesting deeper than ${MAX_DESIGN_DEPTH} levels; a design document is never nested this deep.`, range: lines.range(offset, 1) }]);
  const deepOrElse = (otherwise: () => LoadResult) => {
    const deep = findExcessiveNesting(text);
    return deep === undefined ? otherwise() : tooDeep(deep);
  };
  if (text.trim() === '') return fail([{ message: 'The file is empty. Use "Power Platform VNet: New Design" to start one.', range: ZERO_RANGE }]);

  // Fast path: the native parser for values, one scan for depth, duplicate keys and positions. The syntax
  // tree is built only when an error needs to be described precisely.
  let plain: unknown;
  try {
    plain = JSON.parse(text);
  } catch {
    return deepOrElse(() => fail(syntaxErrors(text, lines)));
  }
  let spans: DesignSpans;
  try {
    spans = scanDesignSpans(text, MAX_DESIGN_DEPTH);
  } catch (e) {
    if (e instanceof NestingError) return tooDeep(e.offset);
    if (!(e instanceof DuplicateKeyError)) throw e;
    return deepOrElse(() => fail([{ message: `${e.message} Each key may appear once per object.`, range: lines.range(e.offset, e.length) }]));
  }
  let tree: Node | undefined;
  const rootNode = () => (tree ??= parseTree(text, [], { disallowComments: true })!);

  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    return fail([{ message: 'A design is a JSON object with "version", "name", "elements" and "relations".', range: lines.range(0, text.length) }]);
  }
  const versionSpan = spans.root.get('version');
  const version = (plain as { version?: unknown }).version;
  if (versionSpan === undefined) return fail([{ message: `Missing "version": ${DESIGN_VERSION}.`, range: lines.range(0, 1), path: ['version'] }]);
  if (version !== DESIGN_VERSION) {
    const message = typeof version === 'number' && Number.isInteger(version) && version > DESIGN_VERSION
      ? `This design is version ${version}, written by a newer Power Platform VNet Designer; this one reads version ${DESIGN_VERSION}. Update the extension to open it. The file has not been changed.`
      : `"version" must be ${DESIGN_VERSION}, found ${JSON.stringify(version)}.`;
    return fail([{ message, range: spanRange(lines, versionSpan), path: ['version'] }]);
  }

  const parsed = parseDesign(plain);
  if (!parsed.success) return fail(parsed.error.issues.slice(0, 50).map((i) => issueToError(i, rootNode(), lines)));
  const design = parsed.data;

  const { problems: integrity, ids } = checkIntegrityIndexed(design);
  const index = makeIndex(spans, new LineIndex(text, spans.lineStarts), design, rootNode, integrity.length === 0 ? ids : undefined);
  if (integrity.length > 0) {
    return fail(integrity.slice(0, 50).map((p) => ({ message: p.message, path: p.path, range: index.rangeOf(p.path) ?? ZERO_RANGE })));
  }
  return { ok: true, design, index };
}

/**
 * The load result of `source` when it is the serialization of `design` and `design` has already passed the
 * schema and integrity checks (an edit's result: applyEdit checked it): only the positions are indexed, so
 * an edit is checked once, not again when its text is read back.
 */
export function indexCheckedDesign(source: string, design: Design): LoadResult {
  const text = withoutByteOrderMark(source);
  let tree: Node | undefined;
  const rootNode = () => (tree ??= parseTree(text, [], { disallowComments: true })!);
  const spans = scanDesignSpans(text);
  return { ok: true, design, index: makeIndex(spans, new LineIndex(text, spans.lineStarts), design, rootNode) };
}

function syntaxErrors(text: string, lines: LineIndex): LoadError[] {
  const syntax: ParseError[] = [];
  parseTree(text, syntax, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (syntax.length === 0) return [{ message: 'JSON syntax: the text is not valid JSON.', range: ZERO_RANGE }];
  return syntax.slice(0, 20).map((e) => ({ message: `JSON syntax: ${describeParseError(e)}`, range: lines.range(e.offset, Math.max(1, e.length)) }));
}

function spanRange(lines: LineIndex, span: Span): SourceRange {
  return lines.range(span[0], span[1] - span[0]);
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
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) i = stringEnd(text, i);
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DESIGN_DEPTH) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
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
  const characterIndex = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined)?.[UNSAFE_CHARACTER_PARAM] : undefined;
  // A refused character is pointed at itself, not just the string it is in: it may be invisible.
  const at = node?.type === 'string' && typeof characterIndex === 'number' ? characterSpan(lines.text, node, characterIndex) : undefined;
  const range = at ? lines.range(at[0], at[1]) : node ? lines.range(node.offset, node.length) : ZERO_RANGE;
  return { message, range, path };
}

/**
 * Source offset and length of the `index`-th UTF-16 unit of a JSON string literal's value: escapes are
 * longer in the text (`\u001b` is six characters) than in the value (one).
 */
function characterSpan(text: string, node: Node, index: number): [number, number] | undefined {
  const end = node.offset + node.length - 1;
  let unit = 0;
  for (let i = node.offset + 1; i < end;) {
    const width = text.charCodeAt(i) !== 92 ? 1 : text[i + 1] === 'u' ? 6 : 2;
    if (unit === index) return [i, width];
    unit++;
    i += width;
  }
  return undefined;
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

/**
 * `ids`, when given, is the integrity check's map of a design without duplicate ids (element i as i, relation
 * i as -(i + 1)); without it, the locator builds its own maps on first use.
 */
function makeIndex(spans: DesignSpans, lines: LineIndex, design: Design, rootNode: () => Node, ids?: ReadonlyMap<string, number>): DesignIndex {
  let elementIndex: Map<string, number> | undefined;
  let relationIndex: Map<string, number> | undefined;
  const rangeOf = (path: readonly (string | number)[]): SourceRange | undefined => {
    const [list, i, prop, j] = path;
    let span: Span | undefined;
    if (path.length === 1 && typeof list === 'string') return (span = spans.root.get(list)) && spanRange(lines, span);
    if (list === 'elements' || list === 'relations') {
      if (typeof i === 'number' && path.length <= 4) {
        // The scanner sees every value at these depths: absent here means absent from the text.
        if (path.length === 2) span = spans.item(list, i);
        else if (typeof prop === 'string' && path.length === 3) span = spans.property(list, i, prop);
        else if (typeof prop === 'string' && typeof j === 'number') span = spans.property(list, i, prop, j);
        return span && spanRange(lines, span);
      }
    }
    // Deeper paths (an NSG rule's field, say) are rare: fall back to the syntax tree.
    const node = findNodeAtLocation(rootNode(), [...path]);
    return node ? lines.range(node.offset, node.length) : undefined;
  };
  // A finding's range: the property's value, else the item's id, else the whole item. Called once per finding
  // and related item, so it reads the scanner's offsets directly and allocates only the range it returns.
  const lookup = (list: ItemList, id: string, property: string | undefined): SourceRange | undefined => {
    let i: number | undefined;
    if (ids) {
      const k = ids.get(id);
      i = k === undefined ? undefined : list === 'elements' ? (k >= 0 ? k : undefined) : (k < 0 ? -k - 1 : undefined);
    } else {
      const map = list === 'elements' ? (elementIndex ??= firstIndexById(design.elements)) : (relationIndex ??= firstIndexById(design.relations));
      i = map.get(id);
    }
    if (i === undefined) return undefined;
    let slot = property ? spans.propertySlot(list, i, property) : -1;
    if (slot < 0) slot = spans.propertySlot(list, i, 'id');
    if (slot >= 0) return lines.between(spans.valueStart(list, slot), spans.valueEnd(list, slot));
    const start = spans.itemStart(list, i);
    return start < 0 ? undefined : lines.between(start, spans.itemEnd(list, i));
  };
  return {
    rangeOf,
    elementRange: (id, property) => lookup('elements', id, property),
    relationRange: (id, property) => lookup('relations', id, property),
  };
}

/** The index of the first item with each id (a later duplicate is an integrity error, pointed at by path). */
function firstIndexById(list: readonly { id: string }[]): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const id = list[i]!.id;
    if (!map.has(id)) map.set(id, i);
  }
  return map;
}
