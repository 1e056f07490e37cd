// NSG rules and routes read with a field getter: all or nothing, enum spellings canonicalised.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/core/iac/iac-value';
import { nsgRulesFrom, routesFrom, type RowField } from '../../../src/core/iac/rule-rows';

const at = { file: 'main.tf', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };

/** A plain JSON value as a statically known IaC value; `undefined` becomes an unknown value. */
function v(x: unknown): Value {
  if (x === undefined) return { t: 'unknown', at };
  if (typeof x === 'string') return { t: 'str', v: x, at };
  if (typeof x === 'number') return { t: 'num', v: x, at };
  if (typeof x === 'boolean') return { t: 'bool', v: x, at };
  if (Array.isArray(x)) return { t: 'arr', items: x.map(v), at };
  return { t: 'obj', props: new Map(Object.entries(x as object).map(([k, val]) => [k, { value: v(val), at }])), at };
}

const flat: RowField<never> = (row, key) => (row.t === 'obj' ? row.props.get(key)?.value : undefined);

const dns = {
  name: 'AllowDns', priority: 100, direction: 'outbound', access: 'ALLOW', protocol: 'udp',
  sourceAddressPrefix: 'VirtualNetwork', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '53',
};

describe('nsgRulesFrom', () => {
  it('reads every field through the getter and canonicalises enum spellings', () => {
    expect(nsgRulesFrom(v([{ ...dns, description: 'why' }]), flat)).toEqual([
      { ...dns, direction: 'Outbound', access: 'Allow', protocol: 'Udp', description: 'why' },
    ]);
  });

  it('gives undefined when any rule has an unknown or invalid field, rather than a partial set', () => {
    expect(nsgRulesFrom(v([dns, { ...dns, name: 'B', priority: undefined }]), flat)).toBeUndefined();
    expect(nsgRulesFrom(v([{ ...dns, protocol: 'Gre' }]), flat)).toBeUndefined();
    expect(nsgRulesFrom(v(undefined), flat)).toBeUndefined();
  });

  it('reads an empty list as no rules', () => {
    expect(nsgRulesFrom(v([]), flat)).toEqual([]);
  });
});

describe('routesFrom', () => {
  it('keeps the next-hop IP only when it is written', () => {
    expect(routesFrom(v([
      { name: 'to-fw', addressPrefix: '0.0.0.0/0', nextHopType: 'virtualappliance', nextHopIpAddress: '10.0.0.4' },
      { name: 'local', addressPrefix: '10.0.0.0/16', nextHopType: 'VnetLocal' },
    ]), flat)).toEqual([
      { name: 'to-fw', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.0.4' },
      { name: 'local', addressPrefix: '10.0.0.0/16', nextHopType: 'VnetLocal' },
    ]);
  });

  it('gives undefined for a route without a known next-hop type', () => {
    expect(routesFrom(v([{ name: 'x', addressPrefix: '0.0.0.0/0', nextHopType: 'Somewhere' }]), flat)).toBeUndefined();
  });
});
