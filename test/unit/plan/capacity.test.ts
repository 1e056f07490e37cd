import { describe, expect, it } from 'vitest';
import { Topology } from '../../../src/core/model/topology';
import { policyCapacity, requiredUsableIps, smallestPrefixFor } from '../../../src/core/plan/capacity';
import { edited, set } from '../support/designs';
import { linkedEnvironment, seed } from '../rules/ppv-fixtures';

const policyOf = (design: typeof seed) => {
  const t = new Topology(design);
  return policyCapacity(t, t.get('policy-prod', 'enterprisePolicy')!);
};

describe('capacity: Microsoft sizing table (domain.md §3.1)', () => {
  it('4 production environments: 4 × 30 + 5 = 125 → /25', () => {
    const usable = requiredUsableIps({ production: 4, nonProduction: 0 });
    expect(usable).toBe(120);
    expect(smallestPrefixFor(usable)).toBe(25);
  });
  it('20 non-production environments: 20 × 10 + 5 = 205 → /24', () => {
    const usable = requiredUsableIps({ production: 0, nonProduction: 20 });
    expect(usable).toBe(200);
    expect(smallestPrefixFor(usable)).toBe(24);
  });
  it('one production environment does not fit a /27 (27 usable) and needs a /26', () => {
    expect(smallestPrefixFor(30)).toBe(26);
    expect(smallestPrefixFor(27)).toBe(27);
  });
  it('never proposes a block below Azure’s smallest subnet, /29', () => {
    expect(smallestPrefixFor(0)).toBe(29);
  });
});

describe('policyCapacity', () => {
  it('counts linked and planned environments, and the headroom of both subnets', () => {
    const design = edited(
      seed,
      linkedEnvironment('env-sbx', { environmentType: 'Sandbox' }),
      set('policy-prod', { plannedEnvironments: { production: 2, nonProduction: 3 } }),
    );
    const c = policyOf(design);
    expect(c.linked).toEqual({ production: 1, nonProduction: 1 });
    expect(c.planned).toEqual({ production: 2, nonProduction: 3 });
    expect(c.linkedUsable).toBe(40);
    expect(c.requiredUsable).toBe(40 + 60 + 30);
    expect(c.smallestPrefix).toBe(24);
    expect(c.subnets.map((s) => [s.subnet.id, s.usable, s.headroom])).toEqual([
      ['snet-pp-weu', 251, 121],
      ['snet-pp-neu', 251, 121],
    ]);
  });
  it('reports negative headroom for a subnet that is too small', () => {
    const c = policyOf(edited(seed, set('snet-pp-neu', { addressPrefix: '10.20.1.0/27' })));
    expect(c.subnets.find((s) => s.subnet.id === 'snet-pp-neu')?.headroom).toBe(-3);
  });
});
