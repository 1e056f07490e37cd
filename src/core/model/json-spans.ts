// One pass over JSON text that JSON.parse has already accepted: finds duplicate keys (which JSON.parse
// silently collapses) and records where each element and relation sits, without building a syntax tree.
// An item's property positions are read once, when a finding first asks for one. Everything is kept as
// offsets in flat number arrays, so locating a finding is a few array reads, and the scan allocates
// nothing per token beyond what it stores.

export type Span = readonly [start: number, end: number];

export type ItemList = 'elements' | 'relations';

export interface DesignSpans {
  /** Top-level properties (version, name, elements, …). */
  readonly root: ReadonlyMap<string, Span>;
  item(list: ItemList, index: number): Span | undefined;
  /** A property of an item, or the `j`-th entry of an array property. */
  property(list: ItemList, index: number, key: string, j?: number): Span | undefined;
  /** Where an item starts, or -1 if there is no such item: with `itemEnd`, an item's extent without allocating. */
  /**
   * Offsets at which lines start (LF, CRLF and a lone CR end a line), as LineIndex counts them: the scan
   * sees every line break, since JSON has none inside strings, so the locator needs no second pass.
   */
  readonly lineStarts: readonly number[];
  itemStart(list: ItemList, index: number): number;
  itemEnd(list: ItemList, index: number): number;
  /** The slot of an item's property, or -1: a lookup that allocates nothing (read it with valueStart/valueEnd). */
  propertySlot(list: ItemList, index: number, key: string): number;
  valueStart(list: ItemList, slot: number): number;
  valueEnd(list: ItemList, slot: number): number;
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

/** The key whose raw text (between the quotes) is text[start, end), decoded. */
function keyText(text: string, start: number, end: number, escaped: boolean): string {
  return escaped ? (JSON.parse(text.slice(start - 1, end + 1)) as string) : text.slice(start, end);
}

/** Whether two raw keys are the same key; raw text compares directly unless an escape may spell a character differently. */
function sameKey(text: string, a: number, aEnd: number, aEscaped: boolean, b: number, bEnd: number, bEscaped: boolean): boolean {
  if (aEscaped || bEscaped) return keyText(text, a, aEnd, aEscaped) === keyText(text, b, bEnd, bEscaped);
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/** Whether the raw key text[start, end) is exactly `word` (no escapes). */
function isWord(text: string, start: number, end: number, word: string): boolean {
  return end - start === word.length && text.startsWith(word, start);
}

/** Offsets of one list's items and of their own properties. */
class ListSpans {
  /** Per item: start, end. */
  readonly items: number[] = [];
  /** Per item: first property slot, end slot (exclusive); filled for an item when a property of it is first asked for. */
  readonly slots: number[] = [];
  /** Per property slot: raw key start, raw key end (inside the quotes), value start, value end. */
  readonly props: number[] = [];
  /** Decoded keys of the slots whose key has an escape (rare), which the raw text cannot be compared with. */
  escapedKeys: Map<number, string> | undefined;
}

class ScannedSpans implements DesignSpans {
  constructor(
    private readonly text: string,
    readonly root: ReadonlyMap<string, Span>,
    private readonly lists: readonly [ListSpans, ListSpans],
    readonly lineStarts: readonly number[],
  ) {}

  private of(list: ItemList): ListSpans {
    return this.lists[list === 'elements' ? 0 : 1];
  }

  itemStart(list: ItemList, index: number): number {
    return this.of(list).items[2 * index] ?? -1;
  }

  itemEnd(list: ItemList, index: number): number {
    return this.of(list).items[2 * index + 1] ?? -1;
  }

  item(list: ItemList, index: number): Span | undefined {
    const s = this.itemStart(list, index);
    return s < 0 ? undefined : [s, this.itemEnd(list, index)];
  }

  propertySlot(list: ItemList, index: number, key: string): number {
    const l = this.of(list);
    let from = l.slots[2 * index];
    if (from === undefined) {
      const start = l.items[2 * index];
      if (start === undefined) return -1;
      from = this.readProperties(l, index, start);
    }
    const to = l.slots[2 * index + 1]!;
    const props = l.props;
    for (let s = from; s < to; s++) {
      const escaped = l.escapedKeys?.get(s);
      if (escaped !== undefined ? escaped === key : isWord(this.text, props[4 * s]!, props[4 * s + 1]!, key)) return s;
    }
    return -1;
  }

  /**
   * Records the properties of the item at `open` (its own level only, deeper values skipped whole) and returns
   * its first slot. Done per item on first use: findings name a fraction of the items, and the load stays one
   * lean pass. The text has passed the full scan, so it is valid JSON without duplicate keys.
   */
  private readProperties(l: ListSpans, index: number, open: number): number {
    const text = this.text;
    const props = l.props;
    const first = props.length >> 2;
    if (text.charCodeAt(open) === 123) {
      for (let i = skipSpace(text, open + 1); text.charCodeAt(i) === 34; i = skipSpace(text, i + 1)) {
        let keyEnd = i + 1;
        let escaped = false;
        for (let k = text.charCodeAt(keyEnd); k !== 34 && keyEnd < text.length; k = text.charCodeAt(++keyEnd)) {
          if (k === 92) { escaped = true; keyEnd++; }
        }
        const start = skipSpace(text, skipSpace(text, keyEnd + 1) + 1); // past the colon
        const end = valueEnd(text, start);
        if (escaped) (l.escapedKeys ??= new Map()).set(props.length >> 2, keyText(text, i + 1, keyEnd, true));
        props.push(i + 1, keyEnd, start, end);
        i = skipSpace(text, end);
        if (text.charCodeAt(i) !== 44) break;
      }
    }
    l.slots[2 * index] = first;
    l.slots[2 * index + 1] = props.length >> 2;
    return first;
  }

  valueStart(list: ItemList, slot: number): number {
    return this.of(list).props[4 * slot + 2]!;
  }

  valueEnd(list: ItemList, slot: number): number {
    return this.of(list).props[4 * slot + 3]!;
  }

  property(list: ItemList, index: number, key: string, j?: number): Span | undefined {
    const slot = this.propertySlot(list, index, key);
    if (slot < 0) return undefined;
    const start = this.valueStart(list, slot);
    if (j === undefined) return [start, this.valueEnd(list, slot)];
    // Array entries are asked for rarely (an integrity error's path): found by reading the array again.
    const text = this.text;
    if (text.charCodeAt(start) !== 91) return undefined;
    let n = 0;
    for (let e = skipSpace(text, start + 1); text.charCodeAt(e) !== 93; e = skipSpace(text, e + 1)) {
      const end = valueEnd(text, e);
      if (n++ === j) return [e, end];
      e = skipSpace(text, end);
      if (text.charCodeAt(e) !== 44) break;
    }
    return undefined;
  }
}

/**
 * Throws DuplicateKeyError, or NestingError past `maxDepth` open containers (the loader's limit, checked in
 * the same pass); assumes `text` is valid JSON (callers parse it first).
 */
export function scanDesignSpans(text: string, maxDepth = Infinity): DesignSpans {
  const root = new Map<string, Span>();
  const lists: [ListSpans, ListSpans] = [new ListSpans(), new ListSpans()];
  // Per open container d (0 = the root value): object or array, expecting a key, entry count, start offset,
  // and where its keys begin on the key stack. Reused across containers: a 4 MB design allocates little here.
  const isObject: boolean[] = [];
  const expectKey: boolean[] = [];
  const countAt: number[] = [];
  const startAt: number[] = [];
  const keyBase: number[] = [];
  // Keys of every open object, three numbers each: raw start, raw end, escaped (1) or not (0).
  const keys: number[] = [];
  let keyTop = 0;
  // The key of the top-level value being read (raw start and end inside the quotes, whether it has escapes).
  let rootKeyStart = 0;
  let rootKeyEnd = 0;
  let rootKeyEscaped = false;
  // Which list the depth-1 value being read is (0 elements, 1 relations, -1 neither).
  let list = -1;
  let depth = 0;
  const n = text.length;
  const lineStarts = [0];

  // Called for every value that ends at `end`, inside `depth` open containers.
  const value = (start: number, end: number): void => {
    if (depth === 1) {
      if (isObject[0]) root.set(keyText(text, rootKeyStart, rootKeyEnd, rootKeyEscaped), [start, end]);
    } else if (depth === 2 && list >= 0 && !isObject[1]) {
      const items = lists[list]!.items;
      const index = countAt[1]!;
      items[2 * index] = start;
      items[2 * index + 1] = end;
    }
  };

  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    if (c === 10 || c === 13) {
      if (c === 10 || text.charCodeAt(i + 1) !== 10) lineStarts.push(i + 1);
      continue;
    }
    if (c === 34) {
      if (depth > 0 && isObject[depth - 1] && expectKey[depth - 1]) {
        // A key: read with a character loop (keys are short) to learn its end and whether it has escapes.
        let j = i + 1;
        let escaped = false;
        for (let k = text.charCodeAt(j); k !== 34 && j < n; k = text.charCodeAt(++j)) {
          if (k === 92) { escaped = true; j++; }
        }
        const s = i + 1;
        for (let p = keyBase[depth - 1]!; p < keyTop; p += 3) {
          const ps = keys[p]!;
          const pe = keys[p + 1]!;
          // Different lengths are different keys unless an escape is involved: most pairs stop here.
          if (pe - ps !== j - s && keys[p + 2] === 0 && !escaped) continue;
          if (sameKey(text, ps, pe, keys[p + 2] === 1, s, j, escaped)) {
            throw new DuplicateKeyError(keyText(text, s, j, escaped), i, j + 1 - i);
          }
        }
        keys[keyTop++] = s;
        keys[keyTop++] = j;
        keys[keyTop++] = escaped ? 1 : 0;
        if (depth === 1) {
          rootKeyStart = s;
          rootKeyEnd = j;
          rootKeyEscaped = escaped;
          list = isWord(text, s, j, 'elements') ? 0 : isWord(text, s, j, 'relations') ? 1 : -1;
        }
        i = j;
      } else {
        const end = Math.min(stringEnd(text, i), n);
        value(i, end + 1);
        i = end;
        if (depth === 0) break;
      }
    } else if (c === 123 || c === 91) {
      isObject[depth] = c === 123;
      expectKey[depth] = c === 123;
      countAt[depth] = 0;
      startAt[depth] = i;
      keyBase[depth] = keyTop;
      if (++depth > maxDepth) throw new NestingError(i);
    } else if (c === 125 || c === 93) {
      depth--;
      keyTop = keyBase[depth]!;
      value(startAt[depth]!, i + 1);
      if (depth === 0) break;
    } else if (c === 44) {
      if (isObject[depth - 1]) expectKey[depth - 1] = true;
      else countAt[depth - 1]!++;
    } else if (c === 58) {
      expectKey[depth - 1] = false;
    } else {
      const start = i;
      while (i + 1 < n && !isDelimiter(text.charCodeAt(i + 1))) i++;
      value(start, i + 1);
      if (depth === 0) break;
    }
  }
  // Past the root value only whitespace remains, whose line breaks count too.
  for (i++; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  return new ScannedSpans(text, root, lists, lineStarts);
}
