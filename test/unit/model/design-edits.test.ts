// Edit operations: each gives a valid design or a reason; invalid results never reach the document.
import { describe, expect, it } from 'vitest';
import { applyEdit, freshId } from '../../../src/core/model/design-edits';
import { serializeDesign } from '../../../src/core/model/serialize-design';
import { minimalReplacement } from '../../../src/core/model/text-diff';
import { loadSample } from '../support/designs';

const seed = loadSample('seed');

describe('applyEdit', () => {
  it('updates a property and clears one with undefined', () => {
    const r = applyEdit(seed, { op: 'updateElement', id: 'vnet-weu', set: { region: 'northeurope', dnsServers: undefined } });
    expect(r.ok && r.design.elements.find((e) => e.id === 'vnet-weu')).toMatchObject({ region: 'northeurope' });
  });

  it('refuses to change identity or to produce an invalid document', () => {
    expect(applyEdit(seed, { op: 'updateElement', id: 'vnet-weu', set: { id: 'x' } })).toMatchObject({ ok: false, error: expect.stringMatching(/"id" cannot be changed/) });
    expect(applyEdit(seed, { op: 'updateElement', id: 'vnet-weu', set: { addressSpaces: 'nope' } })).toMatchObject({ ok: false });
    expect(applyEdit(seed, { op: 'updateElement', id: 'ghost', set: { name: 'x' } })).toMatchObject({ ok: false, error: expect.stringMatching(/No element "ghost"/) });
    expect(applyEdit(seed, { op: 'addRelation', relation: { id: 'r', kind: 'peering', from: 'vnet-weu', to: 'snet-pp-weu' } })).toMatchObject({ ok: false, error: expect.stringMatching(/must be a vnet/) });
  });

  it('removes a VNet with its subnets and every relation touching them', () => {
    const r = applyEdit(seed, { op: 'removeElements', ids: ['vnet-neu'] });
    if (!r.ok) throw new Error(r.error);
    expect(r.design.elements.some((e) => e.id === 'snet-pp-neu')).toBe(false);
    expect(r.design.relations.some((x) => x.from === 'vnet-neu' || x.to === 'vnet-neu' || x.to === 'snet-pp-neu')).toBe(false);
  });

  it('moves with rounded positions, and moves subnets only into VNets', () => {
    const r = applyEdit(seed, { op: 'moveElements', moves: [{ id: 'snet-pe-weu', position: { x: 10.6, y: 20.2 }, parent: 'vnet-neu' }] });
    expect(r.ok && r.design.elements.find((e) => e.id === 'snet-pe-weu')).toMatchObject({ parent: 'vnet-neu', position: { x: 11, y: 20 } });
    expect(applyEdit(seed, { op: 'moveElements', moves: [{ id: 'snet-pe-weu', position: { x: 0, y: 0 }, parent: 'nat-weu' }] }).ok).toBe(false);
    expect(applyEdit(seed, { op: 'moveElements', moves: [{ id: 'env-prod', position: { x: 0, y: 0 }, parent: 'vnet-weu' }] }).ok).toBe(false);
  });

  it('applies a batch as one result, or nothing', () => {
    const ok = applyEdit(seed, { op: 'batch', edits: [{ op: 'setDesignInfo', name: 'Renamed' }, { op: 'removeRelations', ids: ['peer-neu-weu'] }] });
    expect(ok.ok && ok.design.name).toBe('Renamed');
    const bad = applyEdit(seed, { op: 'batch', edits: [{ op: 'setDesignInfo', name: 'Renamed' }, { op: 'updateElement', id: 'ghost', set: {} }] });
    expect(bad.ok).toBe(false);
  });

  it('refuses prototype keys in updates', () => {
    expect(applyEdit(seed, { op: 'updateElement', id: 'kv', set: JSON.parse('{"__proto__":{"x":1}}') }).ok).toBe(false);
  });

  it('makes fresh ids that are not taken', () => {
    expect(freshId(seed, 'vnet')).toBe('vnet-1');
    expect(freshId(seed, 'pe-api')).toBe('pe-api-1');
    expect(freshId(seed, '--!')).toBe('el-1');
  });
});

describe('minimal text edits', () => {
  it('replaces only the changed line when one property changes', () => {
    const before = serializeDesign(seed);
    const r = applyEdit(seed, { op: 'updateElement', id: 'snet-pp-neu', set: { addressPrefix: '10.20.4.0/24' } });
    if (!r.ok) throw new Error(r.error);
    const after = serializeDesign(r.design);
    const rep = minimalReplacement(before, after)!;
    expect(rep.length).toBeLessThanOrEqual(4);
    expect(before.slice(0, rep.offset) + rep.text + before.slice(rep.offset + rep.length)).toBe(after);
    expect(minimalReplacement(after, after)).toBeUndefined();
  });

  it('never splits a surrogate pair', () => {
    const rep = minimalReplacement('a\u{1F600}b', 'a\u{1F601}b')!;
    expect(rep.offset).toBe(1);
    expect(rep.text).toBe('\u{1F601}');
  });
});
