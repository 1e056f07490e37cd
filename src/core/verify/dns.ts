// How a delegated subnet resolves a private endpoint's name: with Azure-provided DNS the query is
// answered in the subnet's own VNet, so the endpoint's private DNS zone must be linked there; with
// custom DNS servers it is answered wherever those servers forward, which the design does not hold.
import type { ElementOf } from '../model/schema';
import type { Topology } from '../model/topology';
import { label, usesCustomDns } from '../rules/analysis/power-platform';
import { SERVICE_RESOURCE_TYPES, privateDnsZoneFor } from '../rules/analysis/private-dns-zones';
import type { Hop } from './flow';
import { ipOf, type Network } from './network';

/** The zone the endpoint registers in that its groupId calls for, or why there is none. */
export function endpointZone(t: Topology, pe: ElementOf<'privateEndpoint'>, service?: ElementOf<'azureService'>): { zone?: ElementOf<'privateDnsZone'>; expected?: string } {
  const resourceType = service === undefined ? undefined : service.serviceType === 'other' ? service.resourceType : SERVICE_RESOURCE_TYPES[service.serviceType];
  const expected = pe.groupId === undefined ? undefined : privateDnsZoneFor(pe.groupId, resourceType);
  const registered = t.targets(pe.id, 'peDnsZone', 'privateDnsZone');
  const zone = expected === undefined ? registered[0] : registered.find((z) => z.name.toLowerCase() === expected);
  return { ...(zone ? { zone } : {}), ...(expected ? { expected } : {}) };
}

export function resolveHop(net: Network, vnet: ElementOf<'vnet'>, pe: ElementOf<'privateEndpoint'>, service?: ElementOf<'azureService'>): Hop {
  const t = net.t;
  const key = `${pe.id}\0${service?.id ?? ''}`;
  let found = net.zones.get(key);
  if (!found) net.zones.set(key, (found = endpointZone(t, pe, service)));
  const { zone, expected } = found;
  if (!usesCustomDns(vnet)) {
    if (!zone) {
      return expected
        ? { kind: 'dns', verdict: 'blocked', elementId: pe.id, property: 'groupId', text: `Private endpoint ${label(pe)} registers in no private DNS zone '${expected}', so Azure DNS in VNet ${label(vnet)} resolves its name to the public address.` }
        : { kind: 'dns', verdict: 'unknown', elementId: pe.id, text: `The private DNS zone of private endpoint ${label(pe)} is not known (no groupId and no zone).` };
    }
    return t.between('dnsZoneLink', zone.id, vnet.id)
      ? { kind: 'dns', verdict: 'reachable', elementId: zone.id, text: `Azure DNS in VNet ${label(vnet)} answers from private DNS zone '${zone.name}', which is linked to it.` }
      : { kind: 'dns', verdict: 'blocked', elementId: zone.id, text: `Private DNS zone '${zone.name}' is not linked to VNet ${label(vnet)}, so its Azure-provided DNS resolves private endpoint ${label(pe)} to the public address.` };
  }
  const server = vnet.dnsServers![0]!;
  const ip = ipOf(server);
  const at = ip === undefined ? undefined : net.vnetHolding(ip);
  const zoneText = zone ? `zone '${zone.name}'` : `the zone${expected ? ` '${expected}'` : ''}`;
  if (!at) return { kind: 'dns', verdict: 'unknown', elementId: vnet.id, property: 'dnsServers', text: `VNet ${label(vnet)} resolves through custom DNS server ${server}, outside the design; whether it resolves ${zoneText} privately is unknown.` };
  const linked = zone !== undefined && t.between('dnsZoneLink', zone.id, at.id) !== undefined;
  return {
    kind: 'dns',
    verdict: 'unknown',
    elementId: vnet.id,
    property: 'dnsServers',
    text: `VNet ${label(vnet)} resolves through custom DNS server ${server} in VNet ${label(at)}, where ${zoneText} is ${linked ? '' : 'not '}linked; whether that server forwards to Azure DNS (168.63.129.16) is not in the design.`,
  };
}
