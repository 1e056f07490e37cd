// The loader's compiled schema check against zod itself: on every sample and fixture, the bench's generated
// design, mutations of all of them, and values generated from the schema's own definition, the compiled check
// accepts exactly what zod accepts and returns zod's output, key order included.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { generateDesign } from '../../../bench/rules.bench';
import { compileAccept, REJECTED } from '../../../src/core/model/schema-accept';
import { acceptDesign, designSchema, ELEMENT_KEY_ORDER, RELATION_KEY_ORDER } from '../../../src/core/model/schema';
import { serializeDesign } from '../../../src/core/model/serialize-design';

const ROOT = path.resolve(__dirname, '../../..');
const DESIGN_DIRS = ['samples', 'test/fixtures/designs', 'test/fixtures/designs/broken', 'test/fixtures/e2e-workspace'];
const documents: [string, unknown][] = [
  ...DESIGN_DIRS.flatMap((dir) => readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.ppvnet.json')).flatMap((f): [string, unknown][] => {
    try {
      return [[`${dir}/${f}`, JSON.parse(readFileSync(path.join(ROOT, dir, f), 'utf8'))]];
    } catch {
      return []; // not JSON: the loader stops before the schema
    }
  })),
  ['generated design of 300 elements', JSON.parse(serializeDesign(generateDesign(300)))],
];

/** Both checks on one value: the same verdict, and where accepted, the same output with the same key order. */
function agree(value: unknown): boolean {
  const fast = acceptDesign!(value);
  const zod = designSchema.safeParse(value);
  expect(fast !== REJECTED, 'verdict').toBe(zod.success);
  if (zod.success) {
    expect(fast).toEqual(zod.data);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
  }
  return zod.success;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `v`. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

const KINDS = [...Object.keys(ELEMENT_KEY_ORDER), ...Object.keys(RELATION_KEY_ORDER)];
/** Values that sit near a schema's edges: lengths, integers, finiteness, unsafe characters, other kinds. */
const nearValue = fc.oneof(
  fc.constantFrom<unknown>('', 'x', 'a'.repeat(81), 'a'.repeat(121), 'ok\u001bname', 'bad\u202eid', '\ud800', 'bad id', '-x', 'x'.repeat(65),
    0, -1, 1.5, 65536, 10_001, Infinity, -Infinity, 2 ** 53, true, false, null, [], {}, ['x'], [{}], 'Allow', 'Tcp', 'network', 'application'),
  fc.constantFrom(...KINDS),
  fc.jsonValue({ maxDepth: 2 }),
);

type Mutation = { op: 'set'; value: unknown } | { op: 'delete' } | { op: 'add'; key: string; value: unknown } | { op: 'reverse' };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), value: nearValue }),
  fc.constant({ op: 'delete' as const }),
  fc.record({ op: fc.constant('add' as const), key: fc.constantFrom('extra', 'id', 'kind', 'constructor', '__proto__', 'toString'), value: nearValue }),
  fc.constant({ op: 'reverse' as const }),
);

/** A copy of `doc` with one mutation at the path chosen by `pick`. */
function mutate(doc: unknown, pick: number, m: Mutation): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as Json;
  const all = paths(copy);
  const at = all[pick % all.length]!;
  if (at.length === 0) return m.op === 'set' ? m.value : copy;
  let parent = copy as Record<string | number, Json>;
  for (const p of at.slice(0, -1)) parent = parent[p] as Record<string | number, Json>;
  const last = at[at.length - 1]!;
  const target = parent[last];
  if (m.op === 'set') parent[last] = m.value as Json;
  else if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (m.op === 'add' && target !== null && typeof target === 'object' && !Array.isArray(target)) {
    // As JSON.parse makes it: an own property, even for "__proto__".
    Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  } else if (m.op === 'reverse' && target !== null && typeof target === 'object') {
    if (Array.isArray(target)) target.reverse();
    else parent[last] = Object.fromEntries(Object.entries(target).reverse());
  }
  return copy;
}

/** Values built from a zod schema's definition: mostly valid, with the edges its checks draw. */
function arbitraryOf(schema: z.core.$ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string; checks?: { _zod: { def: Record<string, unknown> } }[] };
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case 'string': {
      const pattern = checks.find((c) => c.check === 'string_format')?.pattern as RegExp | undefined;
      const max = checks.find((c) => c.check === 'max_length')?.maximum as number | undefined;
      const min = checks.find((c) => c.check === 'min_length')?.minimum as number | undefined;
      return fc.oneof(
        { weight: 4, arbitrary: pattern ? fc.stringMatching(pattern) : fc.string({ maxLength: Math.min(max ?? 12, 12), minLength: min ?? 0 }) },
        fc.string({ unit: fc.constantFrom('a', 'é', '\u001b', '\u202e', '\ud800', '\ud83d\ude00', ' '), maxLength: 6 }),
        fc.constantFrom('', 'x'.repeat((max ?? 80) + 1)),
      );
    }
    case 'number': return fc.oneof(fc.integer({ min: -2, max: 70_000 }), fc.double(), fc.constantFrom(0, 1, 10_000, 65_535));
    case 'boolean': return fc.oneof({ weight: 9, arbitrary: fc.boolean() }, fc.constant('true'));
    case 'literal': return fc.constantFrom(...(def.values as unknown[]));
    case 'enum': return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...Object.values(def.entries as object)) }, fc.constant('Bogus'));
    case 'optional': return arbitraryOf(def.innerType as z.core.$ZodType, depth);
    case 'array': return depth > 6 ? fc.constant([]) : fc.array(arbitraryOf(def.element as z.core.$ZodType, depth + 1), { maxLength: depth < 2 ? 4 : 2 });
    case 'union': return fc.oneof(...(def.options as z.core.$ZodType[]).map((o) => arbitraryOf(o, depth)));
    case 'object': {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      const required = Object.keys(shape).filter((k) => (shape[k]!._zod.def as { type: string }).type !== 'optional');
      const record = fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, arbitraryOf(s, depth + 1)])), { requiredKeys: required });
      return fc.oneof({ weight: 19, arbitrary: record }, record.map((r) => ({ ...r, unknownKey: 1 })), record.map((r) => Object.fromEntries(Object.entries(r).reverse())));
    }
    default: throw new Error(`no arbitrary for ${def.type}`);
  }
}

describe('the compiled design check', () => {
  it('covers the whole design schema (zod is only asked for errors)', () => {
    expect(acceptDesign).toBeDefined();
  });

  for (const [name, doc] of documents) {
    it(`agrees with zod on ${name}`, () => {
      agree(doc);
    });
  }

  it('returns a design whose keys are in the schema\'s order itself, not a copy, and copies only what is out of order', () => {
    // The generated design's serialization has every key in the schema's order (the seed's data policy keeps
    // its nested keys in another order, which zod, and so the compiled check, put in the schema's).
    const doc = documents.find(([n]) => n.startsWith('generated'))![1] as { elements: Record<string, unknown>[] };
    expect(acceptDesign!(doc)).toBe(doc);
    const shuffled = { ...doc, elements: [Object.fromEntries(Object.entries(doc.elements[0]!).reverse()), ...doc.elements.slice(1)] };
    const out = acceptDesign!(shuffled) as typeof doc;
    expect(out).not.toBe(shuffled);
    expect(out.elements[1]).toBe(doc.elements[1]);
    expect(Object.keys(out.elements[0]!)).toEqual(Object.keys(doc.elements[0]!));
  });

  it('agrees with zod on thousands of mutations of the samples, fixtures and generated design', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(fc.property(fc.nat(documents.length - 1), fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (d, pick, ms) => {
      let doc = documents[d]![1];
      ms.forEach((m, i) => { doc = mutate(doc, pick * (i + 1), m); });
      runs++;
      if (agree(doc)) accepted++;
    }), { numRuns: 3000 });
    // Both verdicts must be exercised for the agreement to mean anything.
    expect(accepted).toBeGreaterThan(runs / 20);
    expect(accepted).toBeLessThan(runs - runs / 20);
  });

  it('agrees with zod on designs generated from the schema itself', () => {
    let accepted = 0;
    fc.assert(fc.property(arbitraryOf(designSchema), (doc) => {
      if (agree(doc)) accepted++;
    }), { numRuns: 1500 });
    expect(accepted).toBeGreaterThan(0);
  });

  it('agrees with zod on every element and relation kind generated alone', () => {
    const shape = designSchema.shape;
    for (const list of [shape.elements, shape.relations]) {
      const union = list.element;
      const accept = compileAccept(union)!;
      for (const option of union.options) {
        let accepted = 0;
        fc.assert(fc.property(arbitraryOf(option), (value) => {
          const fast = accept(value);
          const zod = union.safeParse(value);
          expect(fast !== REJECTED).toBe(zod.success);
          if (zod.success) {
            accepted++;
            expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
          }
        }), { numRuns: 150 });
        expect(accepted, option.shape.kind.value).toBeGreaterThan(0);
      }
    }
  });
});
