// PPV-025: each private endpoint the workloads use registers in the right private DNS zone, and that
// zone is linked to both delegated VNets (unless they resolve through custom DNS servers).
import { freshId, type DesignEdit } from '../../model/design-edits';
import { forwardingRuleFor } from '../../model/dns-resolvers';
import type { ElementOf, Relation } from '../../model/schema';
import type { Topology } from '../../model/topology';
import type { Rule, RuleContext } from '../rule';
import { endpointZone } from '../../verify/dns';
import { SOURCES, label, policyConnectors, policyServices, policyVnets, usesCustomDns } from '../analysis/power-platform';
import { SERVICE_RESOURCE_TYPES, privateDnsZoneFor } from '../analysis/private-dns-zones';

export const rule: Rule = {
  meta: {
    id: 'PPV-025',
    title: 'Private DNS zones resolve from both delegated VNets',
    severity: 'error',
    category: 'dns',
    rationale:
      "Power Platform resolves every endpoint with the DNS of the VNet that holds the delegated subnet. With Azure-provided DNS, a private endpoint's name resolves to its private address only if the endpoint registers in the zone Microsoft prescribes for its groupId (privatelink.vaultcore.azure.net for vault…) and that zone is linked to both delegated VNets; otherwise the name resolves to the public address, which is closed, and calls fail. VNets with custom DNS servers are left to that DNS (its forwarders must resolve the zones).",
    fix: 'Create one private DNS zone with the recommended name per groupId, register the private endpoint in it (DNS zone group), and link the zone to both delegated VNets.',
    sources: [SOURCES.peDns, SOURCES.overview],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const vnets = policyVnets(t, p.id).filter((v) => !usesCustomDns(v));
      if (vnets.length === 0) continue;
      for (const { service } of policyServices(t, p.id)) {
        const resourceType = service.serviceType === 'other' ? service.resourceType : SERVICE_RESOURCE_TYPES[service.serviceType];
        for (const pe of t.sources(service.id, 'peTarget', 'privateEndpoint')) {
          if (pe.groupId === undefined) continue;
          const zoneName = privateDnsZoneFor(pe.groupId, resourceType);
          if (zoneName === undefined) continue;
          const registered = t.targets(pe.id, 'peDnsZone', 'privateDnsZone');
          const zone = registered.find((z) => z.name.toLowerCase() === zoneName);
          if (!zone) {
            const wrong = registered.length > 0 ? ` It registers in ${registered.map((z) => `'${z.name}'`).join(', ')}, which is not the zone for '${pe.groupId}'.` : '';
            ctx.report({
              elementId: pe.id,
              property: 'groupId',
              message: `Private endpoint ${label(pe)} ('${pe.groupId}') does not register in the private DNS zone '${zoneName}', so the delegated VNets of policy ${label(p)} resolve ${label(service)} to its public address.${wrong}`,
              fixes: [{ title: `Register in ${zoneName} and link it to the delegated VNets`, edit: registerFix(t, pe, zoneName, vnets) }],
            });
            continue;
          }
          reportUnlinked(t, ctx, p, zone, pe, vnets, `loses ${label(service)} on failover`);
        }
      }
      // IaC rarely declares workloads (#13): then every endpoint is a presumed target, and a zone linked to
      // one delegated VNet but not the other is the failover failure (a zone linked to neither may serve others).
      if (policyConnectors(t, p.id).length > 0) continue;
      for (const pe of t.all('privateEndpoint')) {
        const { zone } = endpointZone(t, pe, t.targets(pe.id, 'peTarget', 'azureService')[0]);
        if (!zone || !vnets.some((v) => t.between('dnsZoneLink', zone.id, v.id))) continue;
        reportUnlinked(t, ctx, p, zone, pe, vnets, 'resolves it from one delegated VNet only, so it breaks on failover');
      }
    }
  },
};

function reportUnlinked(t: Topology, ctx: RuleContext, p: ElementOf<'enterprisePolicy'>, zone: ElementOf<'privateDnsZone'>, pe: ElementOf<'privateEndpoint'>, vnets: readonly ElementOf<'vnet'>[], consequence: string): void {
  for (const v of vnets) {
    if (t.between('dnsZoneLink', zone.id, v.id)) continue;
    // A forwarding ruleset linked to the VNet that takes the zone answers elsewhere: PPV-053 judges that path.
    const forwarded = forwardingRuleFor(t, v.id, zone.name);
    if (forwarded.match || forwarded.unknownRuleset) continue;
    ctx.report({
      elementId: zone.id,
      message: `Private DNS zone '${zone.name}' is not linked to delegated VNet ${label(v)}, so policy ${label(p)} cannot resolve private endpoint ${label(pe)} from there (and ${consequence}).`,
      related: [{ elementId: v.id, message: `Delegated VNet ${label(v)} uses Azure-provided DNS.` }, { elementId: pe.id, message: `Private endpoint ${label(pe)} registers in this zone.` }],
      fixes: [{ title: `Link '${zone.name}' to ${v.name}`, edit: { op: 'addRelation', relation: linkRelation(t, zone.id, v.id, new Set()) } }],
    });
  }
}

function linkRelation(t: Topology, zoneId: string, vnetId: string, taken: Set<string>): Relation {
  const id = freshId(t.design, `${zoneId}-${vnetId}`, taken);
  taken.add(id);
  return { id, kind: 'dnsZoneLink', from: zoneId, to: vnetId, registrationEnabled: false };
}

/** Registers the endpoint in the existing zone of that name, or in a new one, and links the zone where missing. */
function registerFix(t: Topology, pe: ElementOf<'privateEndpoint'>, zoneName: string, vnets: readonly ElementOf<'vnet'>[]): DesignEdit {
  const existing = t.all('privateDnsZone').find((z) => z.name.toLowerCase() === zoneName);
  const taken = new Set<string>();
  const zoneId = existing?.id ?? freshId(t.design, `dns-${pe.groupId ?? 'zone'}`, taken);
  taken.add(zoneId);
  const relations: Relation[] = [];
  const register = freshId(t.design, `${pe.id}-dns`, taken);
  taken.add(register);
  relations.push({ id: register, kind: 'peDnsZone', from: pe.id, to: zoneId });
  for (const v of vnets) {
    if (existing && t.between('dnsZoneLink', existing.id, v.id)) continue;
    relations.push(linkRelation(t, zoneId, v.id, taken));
  }
  if (existing) return { op: 'batch', edits: relations.map((relation) => ({ op: 'addRelation', relation })) };
  const at = pe.position ?? { x: 0, y: 0 };
  const zone: ElementOf<'privateDnsZone'> = { id: zoneId, kind: 'privateDnsZone', name: zoneName, position: { x: at.x + 300, y: at.y } };
  return { op: 'addElements', elements: [zone], relations };
}
