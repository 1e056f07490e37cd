// PPV-035: lifecycle stages are segmented: no VNet of a dev/test-only policy shares a VNet with, or is peered
// to, a VNet of a production policy (the landing-zone separation of the reference architecture).
import type { ElementOf } from '../../model/schema';
import type { Rule } from '../rule';
import { SOURCES, isProductionEnvironment, label, linkedEnvironments, policyVnets } from '../analysis/power-platform';

type Side = 'prod' | 'nonprod';

/** prod when any linked environment is production; nonprod when every one is known not to be; else unjudged. */
function sideOf(envs: readonly ElementOf<'environment'>[]): Side | undefined {
  const stages = envs.map(isProductionEnvironment);
  if (stages.includes(true)) return 'prod';
  if (stages.length > 0 && stages.every((s) => s === false)) return 'nonprod';
  return undefined;
}

export const rule: Rule = {
  meta: {
    id: 'PPV-035',
    title: 'Lifecycle stages have no network path between them',
    severity: 'error',
    category: 'power-platform',
    rationale:
      "Separate landing zones per lifecycle stage keep a dev or test flow from reaching production resources: the reference architecture puts test and production on their own policies and VNets (the development environment may need no VNet at all). A dev/test VNet that shares a VNet with production's delegated subnet, or is peered to it, undoes that: what runs in the test subnet reaches production's private endpoints.",
    fix: "Give dev/test their own VNets, and remove the peering between a dev/test VNet and a production VNet (share a hub only through a firewall that denies the traffic).",
    sources: [SOURCES.overview],
    checkable: 'static',
  },
  check(t, ctx) {
    // Per VNet, the policies of each side that inject into it, in policy order (read for every peering).
    const vnetSide = new Map<string, Record<Side, ElementOf<'enterprisePolicy'>[]>>();
    for (const p of t.all('enterprisePolicy')) {
      const side = sideOf(linkedEnvironments(t, p.id));
      if (!side) continue;
      for (const v of policyVnets(t, p.id)) {
        let users = vnetSide.get(v.id);
        if (!users) vnetSide.set(v.id, (users = { prod: [], nonprod: [] }));
        users[side].push(p);
      }
    }
    const sides = (vnetId: string, side: Side): readonly ElementOf<'enterprisePolicy'>[] => vnetSide.get(vnetId)?.[side] ?? [];

    // A VNet used by both sides is reported once, itself; its peerings then add nothing.
    const mixed = new Set<string>();
    for (const [vnetId, { prod, nonprod }] of vnetSide) {
      if (prod.length === 0 || nonprod.length === 0) continue;
      mixed.add(vnetId);
      const vnet = t.get(vnetId, 'vnet')!;
      ctx.report({
        elementId: vnet.id,
        message: `VNet ${label(vnet)} holds delegated subnets of dev/test policy ${nonprod.map(label).join(', ')} and of production policy ${prod.map(label).join(', ')}; lifecycle stages need VNets of their own.`,
        related: [...nonprod, ...prod].map((p) => ({ elementId: p.id, message: `Policy ${label(p)} injects into ${label(vnet)}.` })),
      });
    }

    const reported = new Set<string>();
    for (const peering of t.relations('peering')) {
      if (peering.allowVirtualNetworkAccess === false || mixed.has(peering.from) || mixed.has(peering.to)) continue;
      for (const [a, b] of [[peering.from, peering.to], [peering.to, peering.from]] as const) {
        const nonprod = sides(a, 'nonprod');
        const prod = sides(b, 'prod');
        if (nonprod.length === 0 || prod.length === 0 || reported.has(peering.id)) continue;
        reported.add(peering.id);
        const from = t.get(a, 'vnet')!;
        const to = t.get(b, 'vnet')!;
        ctx.report({
          relationId: peering.id,
          message: `Peering ${label(t.get(peering.from, 'vnet')!)} → ${label(t.get(peering.to, 'vnet')!)} joins dev/test VNet ${label(from)} (policy ${nonprod.map(label).join(', ')}) to production VNet ${label(to)} (policy ${prod.map(label).join(', ')}); lifecycle stages must not share a network path.`,
          related: [{ elementId: from.id, message: `${label(from)} carries dev/test workloads.` }, { elementId: to.id, message: `${label(to)} carries production workloads.` }],
        });
      }
    }
  },
};
