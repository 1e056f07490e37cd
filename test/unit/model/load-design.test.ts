// The loader: every kind of bad input gives a clear message at the right place, and never a design.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesign, MAX_DESIGN_DEPTH, type LoadResult } from '../../../src/core/model/load-design';
import { serializeDesign } from '../../../src/core/model/serialize-design';

const seedText = readFileSync(path.resolve(__dirname, '../../../samples/seed.ppvnet.json'), 'utf8');

function errorsOf(r: LoadResult) {
  if (r.ok) throw new Error('expected the design to be refused');
  return r.errors;
}

/** Line (0-based) of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

describe('loadDesign', () => {
  it('loads both samples, and they are in canonical form', () => {
    for (const name of ['seed', 'minimal']) {
      const text = readFileSync(path.resolve(__dirname, `../../../samples/${name}.ppvnet.json`), 'utf8');
      const r = loadDesign(text);
      expect(r.ok).toBe(true);
      if (r.ok) expect(serializeDesign(r.design)).toBe(text);
    }
  });

  it('positions JSON syntax errors', () => {
    const broken = seedText.replace('"region": "westeurope",', '"region": "westeurope"');
    const [e] = errorsOf(loadDesign(broken));
    expect(e!.message).toMatch(/JSON syntax: comma expected/);
    expect(e!.range.start.line).toBe(lineOf(broken, '"addressSpaces": ["10.10.0.0/16"]'));
  });

  it('refuses a newer version without touching it, with a message that says so', () => {
    const [e] = errorsOf(loadDesign(seedText.replace('"version": 1', '"version": 2')));
    expect(e!.message).toMatch(/version 2, written by a newer .* reads version 1.*not been changed/);
    expect(e!.range.start.line).toBe(1);
  });

  it('names an unknown kind and lists the known ones, at the kind value', () => {
    const text = seedText.replace('"kind": "natGateway"', '"kind": "applicationGateway"');
    const [e] = errorsOf(loadDesign(text));
    expect(e!.message).toMatch(/Unknown kind "applicationGateway".*natGateway/);
    expect(e!.range.start.line).toBe(lineOf(text, '"applicationGateway"'));
  });

  it('refuses unknown properties instead of dropping them on the next save', () => {
    const text = seedText.replace('"region": "westeurope",', '"region": "westeurope", "colour": "blue",');
    const [e] = errorsOf(loadDesign(text));
    expect(e!.message).toMatch(/Unknown property "colour" on vnet "vnet-weu"/);
    expect(e!.range.start.line).toBe(lineOf(text, '"colour"'));
  });

  it('reports wrong types with the element and the path', () => {
    const text = seedText.replace('"addressSpaces": ["10.10.0.0/16"]', '"addressSpaces": [10]');
    const [e] = errorsOf(loadDesign(text));
    expect(e!.message).toMatch(/expected string.*on vnet "vnet-weu".*elements\[4\]\.addressSpaces\[0\]/);
  });

  it('reports dangling relations and duplicate ids at their place', () => {
    const text = seedText.replace('"to": "policy-prod"', '"to": "policy-gone"').replace('"id": "nsg-neu"', '"id": "nsg-weu"');
    const errors = errorsOf(loadDesign(text));
    expect(errors.map((e) => e.message)).toEqual(expect.arrayContaining([
      expect.stringMatching(/Duplicate id "nsg-weu"/),
      expect.stringMatching(/"to" names "policy-gone", which is not in the design/),
    ]));
  });

  it('reports relations between the wrong kinds', () => {
    const text = seedText.replace('{ "id": "nat-weu-pp", "kind": "natAssociation", "from": "nat-weu", "to": "snet-pp-weu" }', '{ "id": "nat-weu-pp", "kind": "natAssociation", "from": "nat-weu", "to": "vnet-weu" }');
    expect(errorsOf(loadDesign(text))[0]!.message).toMatch(/"to" must be a subnet, not a vnet/);
  });

  it('refuses duplicate keys, which JSON.parse would silently collapse', () => {
    const text = seedText.replace('"name": "vnet-pp-weu",', '"name": "vnet-pp-weu", "name": "other",');
    expect(errorsOf(loadDesign(text))[0]!.message).toMatch(/Duplicate key "name"/);
  });

  it('keeps __proto__ keys out of the prototype chain (and refuses them as unknown)', () => {
    const text = seedText.replace('"region": "westeurope",', '"region": "westeurope", "__proto__": { "polluted": true },');
    const errors = errorsOf(loadDesign(text));
    expect(errors[0]!.message).toMatch(/Unknown property "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stops deep nesting before the recursive parser sees it', () => {
    const deep = '{"version":1,"name":"x","elements":[],"relations":[],"description":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    const [e] = errorsOf(loadDesign(deep));
    expect(e!.message).toMatch(new RegExp(`deeper than ${MAX_DESIGN_DEPTH}`));
  });

  it('reports deep nesting first, at the first bracket too deep, whether the text is valid JSON or not', () => {
    const head = '{"version":1,"name":"x","elements":[],"relations":[],"description":';
    const at = head.length + MAX_DESIGN_DEPTH - 1; // the root object is the first level
    const nested = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const text of [head + nested + '}', head + nested + '} trailing', '{"name":"a","name":"b","description":' + nested.slice(1) + '}', '{"name":"a","name":"b","d":' + nested + '}']) {
      const errors = errorsOf(loadDesign(text));
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(new RegExp(`deeper than ${MAX_DESIGN_DEPTH}`));
      if (text.startsWith(head)) expect(errors[0]!.range.start.character).toBe(at);
    }
  });

  it('handles empty, non-object and comment-bearing files', () => {
    expect(errorsOf(loadDesign(''))[0]!.message).toMatch(/empty/);
    expect(errorsOf(loadDesign('[]'))[0]!.message).toMatch(/JSON object/);
    expect(errorsOf(loadDesign('// hi\n' + seedText))[0]!.message).toMatch(/JSON syntax/);
  });

  it('indexes elements, relations and properties by their text ranges', () => {
    const r = loadDesign(seedText);
    if (!r.ok) throw new Error('seed must load');
    expect(r.index.elementRange('snet-pp-weu', 'addressPrefix')?.start.line).toBe(lineOf(seedText, '"10.10.1.0/24"'));
    expect(r.index.relationRange('peer-weu-neu')?.start.line).toBe(lineOf(seedText, '"peer-weu-neu"'));
    expect(r.index.elementRange('nope')).toBeUndefined();
  });

  describe('a UTF-8 BOM before the document (#12 case 11)', () => {
    const BOM = '\uFEFF';

    it('loads, to the same design as without it', () => {
      const plain = loadDesign(seedText);
      const marked = loadDesign(BOM + seedText);
      expect(marked.ok).toBe(true);
      if (plain.ok && marked.ok) expect(marked.design).toEqual(plain.design);
    });

    it('does not count the BOM as a column: errors and index ranges sit where VS Code shows them', () => {
      // A syntax error on the first line, where an off-by-one would show.
      const firstLine = '{ "version": 1,, "name": "x", "elements": [], "relations": [] }\n';
      const [plainError] = errorsOf(loadDesign(firstLine));
      const [markedError] = errorsOf(loadDesign(BOM + firstLine));
      expect(markedError!.range).toEqual(plainError!.range);
      expect(markedError!.range.start).toEqual({ line: 0, character: firstLine.indexOf(',,') + 1 });
      // A schema error further down, and the index of a loaded design.
      const typed = seedText.replace('"addressSpaces": ["10.10.0.0/16"]', '"addressSpaces": [10]');
      expect(errorsOf(loadDesign(BOM + typed))[0]!.range).toEqual(errorsOf(loadDesign(typed))[0]!.range);
      const r = loadDesign(BOM + seedText);
      if (!r.ok) throw new Error('expected the design to load');
      expect(r.index.rangeOf(['version'])?.start).toEqual({ line: 1, character: seedText.split('\n')[1]!.indexOf('1') });
    });

    it('reads past one BOM only: a second one is content, refused as JSON', () => {
      const [e] = errorsOf(loadDesign(BOM + BOM + seedText));
      expect(e!.message).toMatch(/JSON syntax/);
      expect(e!.range.start).toEqual({ line: 0, character: 0 });
    });
  });

  describe('names that could disguise or rewrite their surroundings (#12 case 13)', () => {
    const named = (from: string, to: string) => seedText.replace(from, to);

    it('refuses an ESC in an element name, naming the character and pointing at its escape in the text', () => {
      const text = named('"name": "kv-casemgmt"', '"name": "kv-\\u001b[31m"');
      const [e, ...rest] = errorsOf(loadDesign(text));
      expect(rest).toEqual([]);
      expect(e!.message).toMatch(/^Contains U\+001B \(ESC, a control character\) at character 4; names cannot contain control characters.* on azureService "kv" \(at elements\[\d+\]\.name\)$/);
      const line = lineOf(text, 'kv-\\u001b');
      const character = text.split('\n')[line]!.indexOf('\\u001b');
      expect(e!.range).toEqual({ start: { line, character }, end: { line, character: character + 6 } });
    });

    it.each([
      ['NUL', 'a\\u0000', /U\+0000 \(NUL, a control character\) at character 2/],
      ['a line feed', 'a\\nb', /U\+000A \(LF, a line break\) at character 2/],
      ['a tab', 'a\\tb', /U\+0009 \(TAB, a control character\)/],
      ['DEL, raw', 'a\u007fb', /U\+007F \(DEL, a control character\)/],
      ['a C1 CSI, raw', 'a\u009bb', /U\+009B \(CSI, a control character\)/],
      ['RLO, raw', 'a\u202eb', /U\+202E \(RLO, a bidirectional control\) at character 2/],
      ['LRI, escaped', 'a\\u2066b', /U\+2066 \(LRI, a bidirectional control\)/],
      ['RLM', 'a\\u200fb', /U\+200F \(RLM, a bidirectional control\)/],
      ['a lone high surrogate', 'a\\ud800b', /U\+D800 \(an unpaired surrogate\) at character 2/],
      ['a lone low surrogate', 'a\\udc00', /U\+DC00 \(an unpaired surrogate\)/],
    ])('refuses %s in a name', (_, inner, message) => {
      const [e] = errorsOf(loadDesign(named('"name": "Case Management"', `"name": "${inner}"`)));
      expect(e!.message).toMatch(message);
    });

    it('accepts a name with a well-formed surrogate pair and other non-ASCII letters', () => {
      expect(loadDesign(named('"name": "Case Management"', '"name": "Produktion 🚀 Zürich"')).ok).toBe(true);
    });

    it('refuses them in NSG rule names and the design name too', () => {
      const rule = errorsOf(loadDesign(seedText.replace(/"name": "(Allow[A-Za-z]+)"/, '"name": "$1\\u001b]0;owned\\u0007"')));
      expect(rule[0]!.message).toMatch(/U\+001B \(ESC.*\(at elements\[\d+\]\.rules\[\d+\]\.name\)/);
      const design = errorsOf(loadDesign(seedText.replace(/"name": "[^"]*",/, '"name": "Design\\u202e",')));
      expect(design[0]!.message).toMatch(/U\+202E \(RLO.*\(at name\)/);
    });
  });
});
