// sameJson: the check that keeps the optimistic design when the host answers with the same one.
import { describe, expect, it } from 'vitest';
import { sameJson } from '../../../webview/state/same-json';
import { loadSample } from '../support/designs';

describe('sameJson', () => {
  it('holds for a copy and fails on any difference', () => {
    const seed = loadSample('seed');
    expect(sameJson(seed, structuredClone(seed))).toBe(true);
    expect(sameJson(seed, { ...seed, name: `${seed.name}!` })).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
