import { describe, expect, it } from 'vitest';
import { contains, overlaps, tryCidr } from '../../../src/core/net/cidr';
import type { AddressPlanConfig } from '../../../src/core/plan/address-plan-config';
import { planNewPair, poolUsage, takenRanges, usedRanges, type PlannedDesign } from '../../../src/core/plan/plan-addresses';
import { azureUsable } from '../../../src/core/net/cidr';
import { edited, loadSample, set } from '../support/designs';

const c = (text: string) => tryCidr(text)!;
const plan: AddressPlanConfig = { pools: [{ name: 'europe', ranges: [c('10.64.0.0/16')] }], reserved: [c('10.64.1.0/24')], onPremises: [c('10.0.0.0/12')] };

// Two designs in the pool: one VNet each region at 10.64.0.0/24 and 10.64.2.0/24, leaving a /24 hole at 10.64.3.0.
const designs: PlannedDesign[] = [
  {
    file: 'a.ppvnet.json',
    design: edited(loadSample('seed'), set('vnet-weu', { addressSpaces: ['10.64.0.0/24'] }), set('snet-pp-weu', { addressPrefix: '10.64.0.0/25' }), set('snet-pe-weu', { addressPrefix: '10.64.0.128/26' }),
      set('vnet-neu', { addressSpaces: ['10.64.2.0/24'] }), set('snet-pp-neu', { addressPrefix: '10.64.2.0/25' })),
  },
  { file: 'b.ppvnet.json', design: edited(loadSample('minimal')) },
];

describe('usedRanges and poolUsage', () => {
  it('names the design, VNet and subnets of each used range, and lists what is free', () => {
    const used = usedRanges(designs);
    const [usage] = poolUsage(plan, used);
    expect(usage!.used.map((u) => `${u.file} ${u.elementId} ${u.cidr.text} [${u.subnets.map((s) => s.cidr.text).join(' ')}]`)).toEqual([
      'a.ppvnet.json vnet-weu 10.64.0.0/24 [10.64.0.0/25 10.64.0.128/26]',
      'a.ppvnet.json vnet-neu 10.64.2.0/24 [10.64.2.0/25]',
    ]);
    expect(usage!.free.map((b) => b.text).slice(0, 3)).toEqual(['10.64.3.0/24', '10.64.4.0/22', '10.64.8.0/21']);
    expect(usage!.freeAddresses).toBe(65536 - 3 * 256);
  });
});

describe('planNewPair', () => {
  it('lands a new VNet pair in free blocks of the pool, with equal subnets sized for the environments', () => {
    const used = usedRanges(designs);
    const r = planNewPair(plan, 'europe', used, { environments: { production: 4, nonProduction: 0 } });
    if (!r.ok) throw new Error(r.reason);
    expect(r.requiredUsable).toBe(120);
    expect([r.primary.addressSpace.text, r.failover.addressSpace.text]).toEqual(['10.64.3.0/24', '10.64.4.0/24']);
    for (const v of [r.primary, r.failover]) {
      expect(contains(c('10.64.0.0/16'), v.addressSpace)).toBe(true);
      for (const t of takenRanges(plan, used)) expect(overlaps(t, v.addressSpace)).toBe(false);
      expect(contains(v.addressSpace, v.delegatedSubnet)).toBe(true);
      expect(v.delegatedSubnet.prefix).toBe(25);
    }
    expect(overlaps(r.primary.addressSpace, r.failover.addressSpace)).toBe(false);
    expect(azureUsable(r.primary.delegatedSubnet)).toBe(azureUsable(r.failover.delegatedSubnet));
    expect(azureUsable(r.primary.delegatedSubnet)).toBeGreaterThanOrEqual(120);
  });

  it('takes the VNet size it is given', () => {
    const r = planNewPair(plan, undefined, usedRanges(designs), { environments: { production: 0, nonProduction: 20 }, vnetPrefix: 22 });
    expect(r.ok && [r.primary.addressSpace.text, r.primary.delegatedSubnet.text, r.failover.addressSpace.text]).toEqual(['10.64.4.0/22', '10.64.4.0/24', '10.64.8.0/22']);
  });

  it('says so when the pool is exhausted', () => {
    const small: AddressPlanConfig = { ...plan, pools: [{ name: 'tiny', ranges: [c('10.64.0.0/22')] }] };
    const r = planNewPair(small, 'tiny', usedRanges(designs), { environments: { production: 1, nonProduction: 0 }, vnetPrefix: 24 });
    expect(r).toEqual({ ok: false, reason: 'Pool exhausted: 10.64.0.0/22 has no free /24 block left. (pool "tiny", for the failover VNet)' });
  });

  it('refuses a VNet smaller than the delegated subnet, and an unknown pool', () => {
    expect(planNewPair(plan, undefined, [], { environments: { production: 4, nonProduction: 0 }, vnetPrefix: 26 })).toMatchObject({ ok: false, reason: /cannot hold the \/25/ });
    expect(planNewPair(plan, 'asia', [], { environments: { production: 1, nonProduction: 0 } })).toEqual({ ok: false, reason: 'No address pool is named "asia".' });
  });
});
