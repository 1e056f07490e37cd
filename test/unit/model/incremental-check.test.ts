// The incremental edit check against the full one: random edit chains on the samples (valid and invalid
// edits, batches, removals that orphan references, duplicate ids and relations) must be accepted or refused
// by both alike, and accepted ones must give the same design.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, applyEditIncrementally, type DesignEdit } from '../../../src/core/model/design-edits';
import { ELEMENT_KINDS, RELATION_KINDS } from '../../../src/core/model/kinds';
import { checkEditedDesign } from '../../../src/core/model/incremental-check';
import type { Design } from '../../../src/core/model/schema';
import { loadSample } from '../support/designs';

const SAMPLES = { seed: loadSample('seed'), minimal: loadSample('minimal') };

/** Any value an inspector, a paste or a hostile message could put into a field. */
const anyValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'x'.repeat(81), '10.0.0.0/24', 'westeurope', 'Microsoft.PowerPlatform/enterprisePolicies'),
  fc.integer({ min: -5, max: 500 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 }),
  fc.record({ x: fc.integer(), y: fc.integer() }),
  fc.record({ width: fc.integer({ min: -2, max: 400 }), height: fc.integer({ min: -2, max: 400 }) }),
);
const FIELDS = ['name', 'parent', 'addressPrefix', 'region', 'delegations', 'description', 'kind', 'id', 'bogus', 'position', 'size',
  'managed', 'geography', 'serviceType', 'rules', 'from', 'to', 'allowForwardedTraffic', 'publicIpCount'] as const;

/** Edits described by indexes into whatever the design holds when they are applied, so chains stay meaningful. */
type Recipe =
  | { t: 'update'; target: number; field: (typeof FIELDS)[number]; value: unknown; pickValue: boolean }
  | { t: 'remove'; targets: number[] }
  | { t: 'move'; target: number; parent: number | null; size: boolean }
  | { t: 'add'; kind: (typeof ELEMENT_KINDS)[number]; id: number; parent: number; extra: boolean }
  | { t: 'addRel'; kind: (typeof RELATION_KINDS)[number]; id: number; from: number; to: number }
  | { t: 'updateRel'; target: number; end: 'from' | 'to'; value: number }
  | { t: 'removeRel'; targets: number[] }
  | { t: 'info'; name: string }
  | { t: 'batch'; edits: Recipe[] };

const leaf: fc.Arbitrary<Recipe> = fc.oneof(
  fc.record({ t: fc.constant('update' as const), target: fc.nat(), field: fc.constantFrom(...FIELDS), value: anyValue, pickValue: fc.boolean() }),
  fc.record({ t: fc.constant('remove' as const), targets: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
  fc.record({ t: fc.constant('move' as const), target: fc.nat(), parent: fc.option(fc.nat()), size: fc.boolean() }),
  fc.record({ t: fc.constant('add' as const), kind: fc.constantFrom(...ELEMENT_KINDS), id: fc.nat(), parent: fc.nat(), extra: fc.boolean() }),
  fc.record({ t: fc.constant('addRel' as const), kind: fc.constantFrom(...RELATION_KINDS), id: fc.nat(), from: fc.nat(), to: fc.nat() }),
  fc.record({ t: fc.constant('updateRel' as const), target: fc.nat(), end: fc.constantFrom('from' as const, 'to' as const), value: fc.nat() }),
  fc.record({ t: fc.constant('removeRel' as const), targets: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
  fc.record({ t: fc.constant('info' as const), name: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', 'n'.repeat(121))) }),
);
const recipe: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 5, arbitrary: leaf },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('batch' as const), edits: fc.array(leaf, { minLength: 1, maxLength: 4 }) }) },
);

/** Turns a recipe into an edit on `d`: ids are picked among the design's elements, relations and a ghost. */
function materialize(d: Design, r: Recipe, fresh: { n: number }): DesignEdit {
  const elementIds = d.elements.map((e) => e.id);
  const relationIds = d.relations.map((x) => x.id);
  const pool = [...elementIds, ...relationIds, 'ghost'];
  const pick = (i: number) => pool[i % pool.length]!;
  const pickElement = (i: number) => (elementIds.length && i % 5 !== 0 ? elementIds[i % elementIds.length]! : pick(i));
  // Mostly fresh ids; sometimes one that exists already (a duplicate the check must refuse).
  const newId = (i: number) => (i % 4 === 0 ? pick(i) : `new-${fresh.n++}`);
  switch (r.t) {
    case 'update':
      return { op: 'updateElement', id: pickElement(r.target), set: { [r.field]: r.pickValue && (r.field === 'parent' || r.field === 'from' || r.field === 'to') ? pick(r.target >> 3) : r.value } };
    case 'remove':
      return { op: 'removeElements', ids: r.targets.map(pickElement) };
    case 'move':
      return { op: 'moveElements', moves: [{ id: pickElement(r.target), position: { x: r.target * 1.5, y: -r.target }, ...(r.parent !== null ? { parent: pickElement(r.parent) } : {}), ...(r.size ? { size: { width: 300, height: 200 } } : {}) }] };
    case 'add': {
      const element: Record<string, unknown> = { id: newId(r.id), kind: r.kind, name: `n${r.id}`, position: { x: 1, y: 2 } };
      if (r.kind === 'subnet' || r.kind === 'vpnGateway' || r.kind === 'expressRouteGateway') element.parent = pickElement(r.parent);
      if (r.kind === 'azureService' && r.parent % 3 !== 0) element.serviceType = 'keyVault';
      if (r.extra) element[FIELDS[r.parent % FIELDS.length]!] = r.id % 2 ? 'text' : 7;
      return { op: 'addElements', elements: [element as never] };
    }
    case 'addRel': {
      const relation: Record<string, unknown> = { id: newId(r.id), kind: r.kind, from: pickElement(r.from), to: pickElement(r.to) };
      if (r.kind === 'peering' && r.id % 2) relation.allowForwardedTraffic = r.id % 3 === 0 ? 'yes' : true;
      return { op: 'addRelation', relation: relation as never };
    }
    case 'updateRel':
      return { op: 'updateRelation', id: relationIds.length ? relationIds[r.target % relationIds.length]! : 'ghost', set: { [r.end]: pickElement(r.value) } };
    case 'removeRel':
      return { op: 'removeRelations', ids: r.targets.map((i) => (relationIds.length ? relationIds[i % relationIds.length]! : 'ghost')) };
    case 'info':
      return { op: 'setDesignInfo', name: r.name };
    case 'batch':
      return { op: 'batch', edits: r.edits.map((e) => materialize(d, e, fresh)) };
  }
}

describe('applyEditIncrementally', () => {
  it('accepts and refuses exactly what the full check does, and gives the same design, over random edit chains', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(SAMPLES) as (keyof typeof SAMPLES)[])), fc.array(recipe, { minLength: 1, maxLength: 12 }), (sample, recipes) => {
        // Both chains continue from their own results: the incremental one from designs it produced itself,
        // which is how the webview uses it (its id index is carried from edit to edit).
        let full: Design = SAMPLES[sample];
        let fast: Design = SAMPLES[sample];
        const fresh = { n: 0 };
        for (const r of recipes) {
          const edit = materialize(full, r, fresh);
          const a = applyEdit(full, edit);
          const b = applyEditIncrementally(fast, edit);
          expect({ ok: b.ok, edit }).toEqual({ ok: a.ok, edit });
          if (a.ok && b.ok) {
            expect(b.design).toEqual(a.design);
            full = a.design;
            fast = b.design;
            accepted++;
          } else {
            refused++;
          }
        }
      }),
      { numRuns: 400 },
    );
    // The generator must exercise both verdicts, or the property says little.
    expect(accepted).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
  });

  it('refuses what only a reference check can see: a removed VNet still named as a parent, a duplicate relation', () => {
    const seed = SAMPLES.seed;
    const subnet = seed.elements.find((e) => e.kind === 'subnet')!;
    const orphan = applyEditIncrementally(seed, { op: 'batch', edits: [
      { op: 'removeElements', ids: [(subnet as { parent: string }).parent] },
      { op: 'addElements', elements: [{ ...subnet, id: 'orphan' }] },
    ] });
    expect(orphan).toMatchObject({ ok: false, error: expect.stringMatching(/names parent .* which is not in the design/) });
    const rel = seed.relations[0]!;
    expect(applyEditIncrementally(seed, { op: 'addRelation', relation: { ...rel, id: 'twin' } })).toMatchObject({ ok: false, error: expect.stringMatching(/repeats an existing/) });
    expect(applyEditIncrementally(seed, { op: 'addRelation', relation: { ...rel, id: seed.elements[0]!.id } })).toMatchObject({ ok: false, error: expect.stringMatching(/Duplicate id/) });
  });

  it('resolves unchanged references into removed or re-kinded elements (a change made by other means than applyEdit)', () => {
    // applyEdit removes a VNet's subnets and relations with it, so only a hand-made result reaches this path.
    const seed = SAMPLES.seed;
    const subnet = seed.elements.find((e) => e.kind === 'subnet') as { parent: string };
    const withoutVnet = { ...seed, elements: seed.elements.filter((e) => e.id !== subnet.parent) };
    expect(checkEditedDesign(seed, withoutVnet)).toMatch(/names parent .* which is not in the design/);
    const rel = seed.relations.find((r) => r.kind === 'policySubnet')!;
    const rekinded = { ...seed, elements: seed.elements.map((e) => (e.id === rel.from ? { id: e.id, kind: 'nsg' as const, name: e.name } : e)) };
    expect(checkEditedDesign(seed, rekinded)).toMatch(/must be a enterprisePolicy, not a nsg/);
  });

  it('keeps unchanged elements as the same objects (what makes the next edit cheap)', () => {
    const seed = SAMPLES.seed;
    const moved = seed.elements[0]!;
    const r = applyEditIncrementally(seed, { op: 'moveElements', moves: [{ id: moved.id, position: { x: 5, y: 6 } }] });
    if (!r.ok) throw new Error(r.error);
    expect(r.design.elements.filter((e, i) => e !== seed.elements[i]).map((e) => e.id)).toEqual([moved.id]);
  });
});
