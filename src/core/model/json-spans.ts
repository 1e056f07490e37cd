// One pass over JSON text that JSON.parse has already accepted: finds duplicate keys (which JSON.parse
// silently collapses) and records where each element and relation sits, without building a syntax tree.
// Property positions are found later, per item and only when a finding asks, so big designs stay cheap.

export type Span = readonly [start: number, end: number];

export interface DesignSpans {
  /** Top-level properties (version, name, elements, …). */
  readonly root: ReadonlyMap<string, Span>;
  item(list: 'elements' | 'relations', index: number): Span | undefined;
  /** A property of an item, or the `j`-th entry of an array property. */
  property(list: 'elements' | 'relations', index: number, key: string, j?: number): Span | undefined;
}

export class DuplicateKeyError extends Error {
  constructor(readonly key: string, readonly offset: number, readonly length: number) {
    super(`Duplicate key "${key}".`);
  }
}

/** The bracket at `offset` opens a container deeper than the walk's limit. */
export class NestingError extends Error {
  constructor(readonly offset: number) {
    super('Nesting too deep.');
  }
}

/** Called for every value: depth below the walk's start, its key or index, its parent's key, its extent. */
type OnValue = (depth: number, key: string | number | undefined, parentKey: string | number | undefined, start: number, end: number) => void;

/**
 * Walks the JSON value starting at `from`. State lives in per-depth arrays reused across objects, so a
 * 4 MB design allocates little beyond the key strings, which die young.
 */
function walk(text: string, from: number, to: number, onValue: OnValue, maxDepth = Infinity): void {
  const isObject: boolean[] = [];
  const expectKey: boolean[] = [];
  // keyAt[d]: key (or array index) of the value at depth d, i.e. inside d open containers.
  const keyAt: (string | number | undefined)[] = [];
  const indexAt: number[] = [];
  const keysAt: string[][] = [];
  const startAt: number[] = [];
  let depth = 0;
  const begin = (start: number) => {
    if (depth > 0 && !isObject[depth - 1]) keyAt[depth] = indexAt[depth - 1];
    startAt[depth] = start;
  };
  const value = (start: number, end: number) => onValue(depth, keyAt[depth], keyAt[depth - 1], start, end);
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    if (c === 123 || c === 91) {
      begin(i);
      isObject[depth] = c === 123;
      expectKey[depth] = c === 123;
      indexAt[depth] = 0;
      (keysAt[depth] ??= []).length = 0;
      if (++depth > maxDepth) throw new NestingError(i);
    } else if (c === 125 || c === 93) {
      depth--;
      value(startAt[depth]!, i + 1);
      if (depth === 0) return;
    } else if (c === 44) {
      if (isObject[depth - 1]) expectKey[depth - 1] = true;
      else indexAt[depth - 1]!++;
    } else if (c === 58) {
      expectKey[depth - 1] = false;
    } else if (c === 34) {
      const start = i;
      i = Math.min(stringEnd(text, start), to);
      if (depth > 0 && isObject[depth - 1] && expectKey[depth - 1]) {
        const raw = text.slice(start + 1, i);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(start, i + 1)) as string) : raw;
        const keys = keysAt[depth - 1]!;
        // Objects in a design have a handful of keys: a linear scan beats a Set and allocates nothing.
        if (keys.includes(key)) throw new DuplicateKeyError(key, start, i + 1 - start);
        keys.push(key);
        keyAt[depth] = key;
      } else {
        begin(start);
        value(start, i + 1);
        if (depth === 0) return;
      }
    } else {
      const start = i;
      while (i + 1 < to && !isDelimiter(text.charCodeAt(i + 1))) i++;
      begin(start);
      value(start, i + 1);
      if (depth === 0) return;
    }
  }
}

/**
 * The index of the quote that closes the string opening at `open` (or the text's length if none does).
 * Strings are most of a design's text, so they are skipped with the native search, not a character loop.
 */
export function stringEnd(text: string, open: number): number {
  for (let i = text.indexOf('"', open + 1); i !== -1; i = text.indexOf('"', i + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return text.length;
}

/**
 * The properties of the object at `open` (index 0: the value, 1 + j: the j-th entry of an array value).
 * Reads only the object's own level and its arrays' entries, skipping deeper values whole; the text has
 * passed the full scan, so it is valid JSON without duplicate keys, and only keys here are sliced.
 */
function propertySpans(text: string, open: number): Map<string, Span[]> {
  const found = new Map<string, Span[]>();
  for (let i = skipSpace(text, open + 1); text.charCodeAt(i) === 34; i = skipSpace(text, i + 1)) {
    const keyEnd = stringEnd(text, i);
    const raw = text.slice(i + 1, keyEnd);
    const key = raw.includes('\\') ? (JSON.parse(text.slice(i, keyEnd + 1)) as string) : raw;
    const start = skipSpace(text, skipSpace(text, keyEnd + 1) + 1); // past the colon
    const end = valueEnd(text, start);
    const entries: Span[] = [[start, end]];
    if (text.charCodeAt(start) === 91) {
      for (let j = skipSpace(text, start + 1); text.charCodeAt(j) !== 93; j = skipSpace(text, j + 1)) {
        const e = valueEnd(text, j);
        entries.push([j, e]);
        j = skipSpace(text, e);
        if (text.charCodeAt(j) !== 44) break;
      }
    }
    found.set(key, entries);
    i = skipSpace(text, end);
    if (text.charCodeAt(i) !== 44) break;
  }
  return found;
}

function skipSpace(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  return i;
}

/** The end (exclusive) of the value starting at `start`; containers are skipped by bracket depth. */
function valueEnd(text: string, start: number): number {
  const c = text.charCodeAt(start);
  if (c === 34) return stringEnd(text, start) + 1;
  if (c !== 123 && c !== 91) {
    let i = start;
    while (i + 1 < text.length && !isDelimiter(text.charCodeAt(i + 1))) i++;
    return i + 1;
  }
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === 34) i = stringEnd(text, i);
    else if (d === 123 || d === 91) depth++;
    else if ((d === 125 || d === 93) && --depth === 0) return i + 1;
  }
  return text.length;
}

function isDelimiter(c: number): boolean {
  return c === 44 || c === 125 || c === 93 || c === 32 || c === 10 || c === 13 || c === 9 || c === 58;
}

/**
 * Throws DuplicateKeyError, or NestingError past `maxDepth` open containers (the loader's limit, checked in
 * the same pass); assumes `text` is valid JSON (callers parse it first).
 */
export function scanDesignSpans(text: string, maxDepth = Infinity): DesignSpans {
  const root = new Map<string, Span>();
  // Item extents as flat [start, end] number pairs: no allocation per item.
  const lists = { elements: [] as number[], relations: [] as number[] };
  walk(text, 0, text.length, (depth, key, parentKey, start, end) => {
    if (depth === 1) root.set(key as string, [start, end]);
    else if (depth === 2 && (parentKey === 'elements' || parentKey === 'relations')) {
      const out = lists[parentKey];
      out[2 * (key as number)] = start;
      out[2 * (key as number) + 1] = end;
    }
  }, maxDepth);
  const propertyCache = { elements: new Map<number, Map<string, Span[]>>(), relations: new Map<number, Map<string, Span[]>>() };
  const propertiesOf = (list: 'elements' | 'relations', index: number) => {
    let props = propertyCache[list].get(index);
    if (props) return props;
    const start = lists[list][2 * index];
    const found = start === undefined ? new Map<string, Span[]>() : propertySpans(text, start);
    propertyCache[list].set(index, (props = found));
    return props;
  };
  return {
    root,
    item(list, index) {
      const s = lists[list][2 * index];
      const e = lists[list][2 * index + 1];
      return s === undefined || e === undefined ? undefined : [s, e];
    },
    property(list, index, key, j) {
      return propertiesOf(list, index).get(key)?.[j === undefined ? 0 : j + 1];
    },
  };
}
