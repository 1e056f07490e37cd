// The position scanner must agree with a full JSON syntax tree on every property of every fixture,
// and catch duplicate keys at any depth (JSON.parse keeps the last one silently).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { DuplicateKeyError, scanDesignSpans } from '../../../src/core/model/json-spans';
import { serializeDesign } from '../../../src/core/model/serialize-design';
import { loadSample } from '../support/designs';

const ROOT = path.resolve(__dirname, '../../..');

/** Line starts by the rule LineIndex documents: LF, CRLF and a lone CR each end a line. */
function naiveLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}
const texts: [string, string][] = [
  ...['samples', 'test/fixtures/designs'].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.ppvnet.json')).map((f): [string, string] => [f, readFileSync(path.join(ROOT, dir, f), 'utf8')])),
  // The same design written compactly and with escapes in keys' neighbourhood.
  ['seed, minified', JSON.stringify(JSON.parse(serializeDesign(loadSample('seed'))))],
  ['seed, tabs and CRLF', JSON.stringify(JSON.parse(serializeDesign(loadSample('seed'))), null, '\t').replace(/\n/g, '\r\n')],
];

describe('scanDesignSpans', () => {
  for (const [name, text] of texts) {
    it(`matches the syntax tree on ${name}`, () => {
      const tree = parseTree(text)!;
      const spans = scanDesignSpans(text);
      const at = (p: (string | number)[]) => {
        const node = findNodeAtLocation(tree, p)!;
        return [node.offset, node.offset + node.length];
      };
      for (const list of ['elements', 'relations'] as const) {
        const items = JSON.parse(text)[list] as Record<string, unknown>[];
        expect(spans.item(list, items.length)).toBeUndefined();
        items.forEach((item, i) => {
          expect(spans.item(list, i)).toEqual(at([list, i]));
          for (const [k, v] of Object.entries(item)) {
            expect(spans.property(list, i, k), `${list}[${i}].${k}`).toEqual(at([list, i, k]));
            if (Array.isArray(v)) v.forEach((_, j) => expect(spans.property(list, i, k, j)).toEqual(at([list, i, k, j])));
          }
          expect(spans.property(list, i, 'noSuchProperty')).toBeUndefined();
        });
      }
      for (const k of Object.keys(JSON.parse(text))) expect(spans.root.get(k)).toEqual(at([k]));
      expect(spans.lineStarts).toEqual(naiveLineStarts(text));
    });
  }

  it('finds duplicate keys at any depth, with escaped spellings', () => {
    expect(() => scanDesignSpans('{"a":1,"b":{"c":[{"d":1,"\\u0064":2}]}}')).toThrow(DuplicateKeyError);
    expect(() => scanDesignSpans('{"a":1,"a":2}')).toThrow(/Duplicate key "a"/);
    expect(() => scanDesignSpans('{"a":{"x":1},"b":{"x":1}}')).not.toThrow();
    expect(() => scanDesignSpans('{"s":"has \\"quotes\\" and {braces}","t":"x"}')).not.toThrow();
  });

  it('gives items that are not objects no properties, not their neighbours\'', () => {
    const text = '{"elements":[{"id":"a"},"id",["id"],{"\\u0069d":"b"},7],"relations":[]}';
    const spans = scanDesignSpans(text);
    expect(spans.property('elements', 0, 'id')).toEqual([19, 22]);
    for (const i of [1, 2, 4]) {
      expect(spans.property('elements', i, 'id')).toBeUndefined();
      expect(spans.propertySlot('elements', i, 'id')).toBe(-1);
    }
    expect(spans.property('elements', 3, 'id')).toEqual([text.indexOf('"b"'), text.indexOf('"b"') + 3]);
    expect(spans.item('elements', 5)).toBeUndefined();
    expect(spans.itemStart('elements', 5)).toBe(-1);
    expect(spans.propertySlot('relations', 0, 'id')).toBe(-1);
  });
});

describe('scanDesignSpans on generated JSON', () => {
  // Items of any shape (nested containers, escapes in keys and strings, empty arrays), in any layout.
  const item = fc.dictionary(fc.string({ unit: fc.constantFrom('a', 'b', '"', '\\', 'é', ' ') , minLength: 1, maxLength: 3 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });
  const layout = fc.constantFrom(undefined, 0, 2, '\t');
  const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
  const around = fc.stringMatching(/^[ \t\r\n]{0,4}$/);

  it('finds every line start, whatever the line ends and the whitespace around the value', () => {
    fc.assert(fc.property(fc.array(item, { maxLength: 3 }), layout, lineEnd, around, around, (elements, indent, eol, before, after) => {
      const text = before + JSON.stringify({ version: 1, elements, relations: [] }, null, indent).replace(/\n/g, eol) + after;
      expect(scanDesignSpans(text).lineStarts).toEqual(naiveLineStarts(text));
    }), { numRuns: 500 });
  });

  it('gives every property and array entry of every item the syntax tree’s extent', () => {
    fc.assert(fc.property(fc.array(item, { maxLength: 4 }), layout, (elements, indent) => {
      const text = JSON.stringify({ version: 1, elements, relations: [] }, null, indent);
      const tree = parseTree(text)!;
      const spans = scanDesignSpans(text);
      const at = (p: (string | number)[]) => {
        const node = findNodeAtLocation(tree, p);
        return node && [node.offset, node.offset + node.length];
      };
      elements.forEach((el, i) => {
        for (const [key, value] of Object.entries(el)) {
          expect(spans.property('elements', i, key)).toEqual(at(['elements', i, key]));
          if (Array.isArray(value)) value.forEach((_, j) => expect(spans.property('elements', i, key, j)).toEqual(at(['elements', i, key, j])));
        }
        expect(spans.property('elements', i, '\u0000absent')).toBeUndefined();
      });
    }), { numRuns: 500 });
  });
});
