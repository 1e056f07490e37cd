// The per-policy analyses are memoised per Topology: on generated designs (policies, subnets, links,
// workloads dropped at random) they equal a fresh, unmemoised reading, and topologies never share results.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../../bench/rules.bench';
import type { Design } from '../../../src/core/model/schema';
import { Topology } from '../../../src/core/model/topology';
import { delegatedSubnets, linkedEnvironments, policyConnectors, policyServices, policyVnets } from '../../../src/core/rules/analysis/power-platform';

const base = generateDesign(200);
const KINDS = new Set(['policySubnet', 'policyLink', 'workload', 'connectorTarget']);

/** The base design without the chosen relations of the kinds the analyses read. */
function without(drop: ReadonlySet<number>): Design {
  return { ...base, relations: base.relations.filter((r, i) => !(KINDS.has(r.kind) && drop.has(i))) };
}

function naive(t: Topology, policyId: string) {
  const subnets = t.outgoing(policyId, 'policySubnet').flatMap((r) => {
    const subnet = t.get(r.to, 'subnet');
    return subnet ? [{ relation: r, subnet, vnet: t.vnetOf(subnet.id) }] : [];
  });
  const envs = t.sources(policyId, 'policyLink', 'environment');
  const connectors = [...new Map(envs.flatMap((e) => t.targets(e.id, 'workload', 'connector')).map((c) => [c.id, c])).values()];
  const services = new Map<string, { service: unknown; connectors: unknown[] }>();
  for (const c of connectors) {
    for (const s of [...t.targets(c.id, 'connectorTarget', 'azureService'), ...t.targets(c.id, 'connectorSecret', 'azureService')]) {
      const e = services.get(s.id) ?? { service: s, connectors: [] };
      if (!e.connectors.includes(c)) e.connectors.push(c);
      services.set(s.id, e);
    }
  }
  return { subnets, vnets: dedupeFirst(subnets.flatMap((d) => (d.vnet ? [d.vnet] : []))), envs, connectors, services: [...services.values()] };
}

function dedupeFirst<T extends { id: string }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(x.id) && seen.add(x.id));
}

describe('per-policy analyses', () => {
  it('equal a fresh reading on generated designs, asked twice and in any order', () => {
    const indexes = base.relations.map((_, i) => i);
    fc.assert(fc.property(fc.subarray(indexes, { maxLength: 60 }), fc.boolean(), (dropped, reverse) => {
      const t = new Topology(without(new Set(dropped)));
      const policies = t.all('enterprisePolicy').map((p) => p.id);
      for (const id of reverse ? [...policies].reverse() : policies) {
        const want = naive(t, id);
        for (let k = 0; k < 2; k++) {
          expect(delegatedSubnets(t, id)).toEqual(want.subnets);
          expect(policyVnets(t, id)).toEqual(want.vnets);
          expect(linkedEnvironments(t, id)).toEqual(want.envs);
          expect(policyConnectors(t, id)).toEqual(want.connectors);
          expect(policyServices(t, id)).toEqual(want.services);
        }
      }
    }), { numRuns: 40 });
  });

  it('keeps each topology to its own results', () => {
    const full = new Topology(base);
    const cut = new Topology(without(new Set(base.relations.map((r, i) => (r.kind === 'policySubnet' ? i : -1)))));
    expect(delegatedSubnets(full, 'policy-0')).toHaveLength(2);
    expect(delegatedSubnets(cut, 'policy-0')).toHaveLength(0);
    expect(delegatedSubnets(full, 'policy-0')).toHaveLength(2);
  });
});
