// Incremental validation: after random edits of real and generated designs (properties changed, elements and
// relations removed, relations added, items moved, the design read again from text), re-running only the
// rules whose reads the edit touched gives exactly the findings of a full validation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../../bench/rules.bench';
import { designChanges } from '../../../src/core/model/design-changes';
import { loadDesign } from '../../../src/core/model/load-design';
import type { Design, Element, Relation } from '../../../src/core/model/schema';
import { serializeDesign } from '../../../src/core/model/serialize-design';
import { designLocator } from '../../../src/core/rules/design-locator';
import { validateDesign, validateDesignAfter, type Validation } from '../../../src/core/rules/engine';
import { RULES } from '../../../src/core/rules/registry';

const fixtures = path.join(__dirname, '../../fixtures/designs');
const DESIGNS: Design[] = [
  ...['seed', 'hub-spoke-hybrid', 'hub-spoke-firewall', 'custom-dns-hub', 'dual-stack', 'forced-tunnelling', 'alm', 'sparse-unknowns'].map((name) => {
    const r = loadDesign(readFileSync(path.join(fixtures, `${name}.ppvnet.json`), 'utf8'));
    if (!r.ok) throw new Error(`${name} does not load: ${r.errors[0]?.message}`);
    return r.design;
  }),
  generateDesign(60),
];

type Edit = (d: Design, pick: number) => Design;

const at = <T>(list: readonly T[], pick: number): T | undefined => (list.length === 0 ? undefined : list[pick % list.length]);

/** Removes an element with its children and every relation touching either. */
const removeElement: Edit = (d, pick) => {
  const victim = at(d.elements, pick);
  if (!victim) return d;
  const gone = new Set([victim.id, ...d.elements.filter((e) => 'parent' in e && e.parent === victim.id).map((e) => e.id)]);
  return { ...d, elements: d.elements.filter((e) => !gone.has(e.id)), relations: d.relations.filter((r) => !gone.has(r.from) && !gone.has(r.to)) };
};

const removeRelation: Edit = (d, pick) => {
  const victim = at(d.relations, pick);
  return victim ? { ...d, relations: d.relations.filter((r) => r !== victim) } : d;
};

/** A copy of an existing relation between other elements of the same kinds. */
const addRelation: Edit = (d, pick) => {
  const model = at(d.relations, pick);
  if (!model) return d;
  const kindOf = new Map(d.elements.map((e) => [e.id, e.kind]));
  const from = at(d.elements.filter((e) => e.kind === kindOf.get(model.from)), pick >> 3);
  const to = at(d.elements.filter((e) => e.kind === kindOf.get(model.to) && e.id !== from?.id), pick >> 6);
  if (!from || !to || d.relations.some((r) => r.kind === model.kind && r.from === from.id && r.to === to.id)) return d;
  const rel = { ...model, id: `added-${pick}-${d.relations.length}`, from: from.id, to: to.id } as Relation;
  return { ...d, relations: [...d.relations, rel] };
};

const PREFIXES = ['10.0.1.0/24', '10.0.0.0/16', '192.168.0.0/24', '10.1.0.0/26', 'not-a-prefix'];
const REGIONS = ['westeurope', 'northeurope', 'eastus', 'centralus'];

/** Changes one property of an element, as the property panel would. */
const changeElement: Edit = (d, pick) => {
  const victim = at(d.elements, pick);
  if (!victim) return d;
  const v = pick >> 4;
  let next: Element;
  if (victim.kind === 'subnet') next = { ...victim, addressPrefix: PREFIXES[v % PREFIXES.length]! };
  else if (victim.kind === 'vnet') next = v % 2 ? { ...victim, region: REGIONS[v % REGIONS.length]! } : { ...victim, addressSpaces: [PREFIXES[v % PREFIXES.length]!] };
  else if (victim.kind === 'nsg') next = { ...victim, rules: [] };
  else next = { ...victim, name: `${victim.name} ${v}` };
  return { ...d, elements: d.elements.map((e) => (e === victim ? next : e)) };
};

/** Moves an element to the end: the order rules see a kind's items in changes. */
const moveElement: Edit = (d, pick) => {
  const victim = at(d.elements, pick);
  return victim ? { ...d, elements: [...d.elements.filter((e) => e !== victim), victim] } : d;
};

const EDITS: Edit[] = [removeElement, removeRelation, addRelation, changeElement, moveElement];

describe('incremental validation', () => {
  it('equals a full validation after random edits, through shared or re-read objects', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: DESIGNS.length - 1 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: EDITS.length - 1 }), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 4 }),
        (which, edits) => {
          let design = DESIGNS[which]!;
          let previous: Validation = validateDesignAfter(undefined, design);
          for (const [edit, pick, reread] of edits) {
            design = EDITS[edit]!(design, pick);
            // A design read again from text shares no object with the one before.
            if (reread) {
              const r = loadDesign(serializeDesign(design));
              if (!r.ok) return; // the edit made something the loader refuses: the host would not validate it
              design = r.design;
            }
            previous = validateDesignAfter(previous, design);
            expect(previous.findings).toEqual(validateDesign(design));
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('re-locates reused findings in the new text', () => {
    const before = generateDesign(60);
    const text = serializeDesign(before);
    const first = loadDesign(text);
    if (!first.ok) throw new Error('generated design does not load');
    const previous = validateDesignAfter(undefined, first.design, { locate: designLocator(first.index, 'a.ppvnet.json') });
    // A longer first element shifts every position after it, reused findings included.
    const edited = { ...first.design, elements: first.design.elements.map((e, i) => (i === 0 ? { ...e, name: `${e.name} with a much longer name` } : e)) };
    const second = loadDesign(serializeDesign(edited));
    if (!second.ok) throw new Error('edited design does not load');
    const locate = designLocator(second.index, 'a.ppvnet.json');
    const incremental = validateDesignAfter(previous, second.design, { locate });
    expect(incremental.ran).toBeLessThan(RULES.length);
    expect(incremental.findings).toEqual(validateDesign(second.design, { locate }));
    expect(incremental.findings).not.toEqual(previous.findings);
  });

  it('re-runs only the rules that read what an edit changed', () => {
    const design = generateDesign(60);
    const previous = validateDesignAfter(undefined, design);
    expect(previous.ran).toBe(RULES.length);
    expect(validateDesignAfter(previous, design).ran).toBe(0);
    const connector = design.elements.find((e) => e.kind === 'connector')!;
    const renamed = { ...design, elements: design.elements.map((e) => (e === connector ? { ...e, name: 'Renamed' } : e)) };
    const changes = designChanges(design, renamed);
    expect([...changes.elements]).toEqual(['connector']);
    const after = validateDesignAfter(previous, renamed);
    const readers = [...previous.runs.values()].filter((r) => r.reads.all || r.reads.elements.has('connector')).length;
    expect(after.ran).toBe(readers);
    expect(after.ran).toBeGreaterThan(0);
    expect(after.ran).toBeLessThan(RULES.length);
    // A change of the design's name is read by the rules that see the whole design: all re-run conservatively.
    expect(validateDesignAfter(previous, { ...design, name: 'Other' }).ran).toBe(RULES.length);
  });
});
