// What both exporters need to know about a design beyond its raw elements: stable ordering, where each
// regional resource lives, which NAT/NSG/route table serves a subnet, and the Azure facts per service type.
import type { ElementKind } from '../model/kinds';
import type { Design, Element, ElementOf, RelationOf } from '../model/schema';
import { Topology } from '../model/topology';
import { monitoringServiceIds } from './monitoring-plan';
import { DEFAULT_GROUP_IDS, SERVICE_RESOURCE_TYPES } from '../rules/analysis/private-dns-zones';

import { byId } from './by-id';

export { byId };

export interface ServiceFacts {
  /** ARM type and an API version present in Bicep's type data, for `existing` references. */
  readonly armType: string;
  readonly apiVersion: string;
  /** Private endpoint sub-resource when the design leaves groupId open. */
  readonly defaultGroupId: string;
}

type ModelledService = Exclude<ElementOf<'azureService'>['serviceType'], 'other'>;
/** ARM type and default groupId come from the table the DNS rules use, so rules and exports agree. */
const facts = (service: ModelledService, apiVersion: string): ServiceFacts =>
  ({ armType: SERVICE_RESOURCE_TYPES[service]!, apiVersion, defaultGroupId: DEFAULT_GROUP_IDS[service]! });

export const SERVICE_FACTS: Readonly<Record<ModelledService, ServiceFacts>> = {
  keyVault: facts('keyVault', '2025-05-01'),
  sqlServer: facts('sqlServer', '2025-01-01'),
  storageAccount: facts('storageAccount', '2025-06-01'),
  appService: facts('appService', '2025-03-01'),
  aiSearch: facts('aiSearch', '2025-05-01'),
};

/** ARM type of a service, when the design says it. */
export function serviceArmType(service: ElementOf<'azureService'>): string | undefined {
  return service.serviceType === 'other' ? service.resourceType : SERVICE_FACTS[service.serviceType].armType;
}

/** An export-ready view of one design. */
export class ExportPlan {
  readonly topology: Topology;

  constructor(readonly design: Design) {
    this.topology = new Topology(design);
  }

  /** Elements of a kind, sorted by id. */
  all<K extends ElementKind>(kind: K): ElementOf<K>[] {
    return byId(this.topology.all(kind));
  }

  /** The NAT gateway, NSG and route table associated with a subnet (at most one each, by the schema rules). */
  subnetAssociations(subnetId: string): { nat?: ElementOf<'natGateway'>; nsg?: ElementOf<'nsg'>; routeTable?: ElementOf<'routeTable'> } {
    const t = this.topology;
    return {
      nat: byId(t.sources(subnetId, 'natAssociation', 'natGateway'))[0],
      nsg: byId(t.sources(subnetId, 'nsgAssociation', 'nsg'))[0],
      routeTable: byId(t.sources(subnetId, 'routeTableAssociation', 'routeTable'))[0],
    };
  }

  /** The subnets a NAT gateway, NSG or route table is associated with. */
  associatedSubnets(e: Element): ElementOf<'subnet'>[] {
    const kind = e.kind === 'natGateway' ? 'natAssociation' : e.kind === 'nsg' ? 'nsgAssociation' : 'routeTableAssociation';
    return byId(this.topology.targets(e.id, kind, 'subnet'));
  }

  /**
   * The VNet a regional resource belongs with: its own VNet (subnet, gateway), the VNet of its subnet
   * (private endpoint), or the VNet of the first associated subnet (NAT, NSG, route table).
   */
  homeVnet(e: Element): ElementOf<'vnet'> | undefined {
    const t = this.topology;
    switch (e.kind) {
      case 'vnet': return e;
      case 'subnet': case 'vpnGateway': case 'expressRouteGateway': return t.vnetOf(e.id);
      case 'privateEndpoint': {
        const subnet = this.endpointSubnet(e);
        return subnet && t.vnetOf(subnet.id);
      }
      case 'natGateway': case 'nsg': case 'routeTable': {
        const subnet = this.associatedSubnets(e)[0];
        return subnet && t.vnetOf(subnet.id);
      }
      default: return undefined;
    }
  }

  /** The Azure region of a regional resource: its own, else that of its home VNet; undefined = unknown. */
  regionOf(e: Element): string | undefined {
    const own = 'region' in e && typeof e.region === 'string' && e.region !== '' ? e.region : undefined;
    if (own !== undefined || e.kind === 'vnet') return own;
    const vnet = this.homeVnet(e);
    return vnet?.region;
  }

  endpointSubnet(pe: ElementOf<'privateEndpoint'>): ElementOf<'subnet'> | undefined {
    return byId(this.topology.targets(pe.id, 'peSubnet', 'subnet'))[0];
  }

  endpointTarget(pe: ElementOf<'privateEndpoint'>): ElementOf<'azureService'> | undefined {
    return byId(this.topology.targets(pe.id, 'peTarget', 'azureService'))[0];
  }

  endpointZones(pe: ElementOf<'privateEndpoint'>): ElementOf<'privateDnsZone'>[] {
    return byId(this.topology.targets(pe.id, 'peDnsZone', 'privateDnsZone'));
  }

  /** The sub-resource a private endpoint connects to: as designed, else the usual one for the service. */
  endpointGroupId(pe: ElementOf<'privateEndpoint'>): string | undefined {
    if (pe.groupId) return pe.groupId;
    const target = this.endpointTarget(pe);
    return target && target.serviceType !== 'other' ? SERVICE_FACTS[target.serviceType].defaultGroupId : undefined;
  }

  /** Delegated subnets of a policy, in the design's relation order (primary first, as the author drew them). */
  policySubnets(policy: ElementOf<'enterprisePolicy'>): { subnet: ElementOf<'subnet'>; vnet: ElementOf<'vnet'> }[] {
    const out: { subnet: ElementOf<'subnet'>; vnet: ElementOf<'vnet'> }[] = [];
    for (const r of this.topology.outgoing(policy.id, 'policySubnet')) {
      const subnet = this.topology.get(r.to, 'subnet');
      const vnet = subnet && this.topology.vnetOf(subnet.id);
      if (subnet && vnet) out.push({ subnet, vnet });
    }
    return out;
  }

  /** Environments linked to a policy, sorted by id. */
  linkedEnvironments(policy: ElementOf<'enterprisePolicy'>): ElementOf<'environment'>[] {
    return byId(this.topology.sources(policy.id, 'policyLink', 'environment'));
  }

  /** The policy an environment is linked to (the first by id; more than one is a rule finding). */
  environmentPolicy(env: ElementOf<'environment'>): ElementOf<'enterprisePolicy'> | undefined {
    return byId(this.topology.targets(env.id, 'policyLink', 'enterprisePolicy'))[0];
  }

  /** Peerings sorted by relation id, with both ends resolved. */
  peerings(): { id: string; from: ElementOf<'vnet'>; to: ElementOf<'vnet'>; relation: RelationOf<'peering'> }[] {
    const out: { id: string; from: ElementOf<'vnet'>; to: ElementOf<'vnet'>; relation: RelationOf<'peering'> }[] = [];
    for (const relation of byId(this.topology.relations('peering'))) {
      const from = this.topology.get(relation.from, 'vnet');
      const to = this.topology.get(relation.to, 'vnet');
      if (from && to) out.push({ id: relation.id, relation, from, to });
    }
    return out;
  }

  /** Gateway → on-premises connections sorted by relation id. */
  gatewayConnections(): { id: string; gateway: ElementOf<'vpnGateway'> | ElementOf<'expressRouteGateway'>; site: ElementOf<'onPremises'> }[] {
    const out: { id: string; gateway: ElementOf<'vpnGateway'> | ElementOf<'expressRouteGateway'>; site: ElementOf<'onPremises'> }[] = [];
    for (const r of byId(this.topology.relations('gatewayConnection'))) {
      const gateway = this.topology.get(r.from);
      const site = this.topology.get(r.to, 'onPremises');
      if (site && gateway && (gateway.kind === 'vpnGateway' || gateway.kind === 'expressRouteGateway')) out.push({ id: r.id, gateway, site });
    }
    return out;
  }

  /** DNS zone → VNet links sorted by relation id. */
  zoneLinks(zoneId: string): { id: string; vnet: ElementOf<'vnet'>; registrationEnabled: boolean }[] {
    return byId(this.topology.outgoing(zoneId, 'dnsZoneLink'))
      .map((r) => ({ id: r.id, vnet: this.topology.get(r.to, 'vnet'), registrationEnabled: r.registrationEnabled ?? false }))
      .filter((l): l is { id: string; vnet: ElementOf<'vnet'>; registrationEnabled: boolean } => l.vnet !== undefined);
  }

  /** Connectors that read a Key Vault secret, with the vault, sorted by connector id. */
  connectorSecrets(): { connector: ElementOf<'connector'>; vault: ElementOf<'azureService'>; secretName: string }[] {
    const out: { connector: ElementOf<'connector'>; vault: ElementOf<'azureService'>; secretName: string }[] = [];
    for (const connector of this.all('connector')) {
      if (!connector.clientSecretRef) continue;
      const vault = byId(this.topology.targets(connector.id, 'connectorSecret', 'azureService')).find((s) => s.serviceType === 'keyVault');
      if (vault) out.push({ connector, vault, secretName: connector.clientSecretRef });
    }
    return out;
  }

  /** Services something in the design points at (private endpoint targets, secret vaults), sorted by id. */
  referencedServices(): ElementOf<'azureService'>[] {
    const ids = new Set<string>();
    for (const pe of this.all('privateEndpoint')) {
      const t = this.endpointTarget(pe);
      if (t) ids.add(t.id);
    }
    for (const s of this.connectorSecrets()) ids.add(s.vault.id);
    for (const id of monitoringServiceIds(this.topology)) ids.add(id);
    return this.all('azureService').filter((s) => ids.has(s.id));
  }

  /** Public IPs a gateway needs: two for an active-active VPN gateway, else one. */
  gatewayIpCount(gw: ElementOf<'vpnGateway'> | ElementOf<'expressRouteGateway'>): number {
    return gw.kind === 'vpnGateway' && gw.activeActive ? 2 : 1;
  }

  /** The subnet named GatewaySubnet in the gateway's VNet, if the design models it. */
  gatewaySubnet(gw: ElementOf<'vpnGateway'> | ElementOf<'expressRouteGateway'>): ElementOf<'subnet'> | undefined {
    const vnet = this.topology.vnetOf(gw.id);
    return vnet && this.topology.children(vnet.id, 'subnet').find((s) => s.name === 'GatewaySubnet');
  }
}

/** The private DNS zone config name for a zone: its name with dots as dashes (names may not contain dots there). */
export function zoneConfigName(zoneName: string): string {
  return zoneName.replace(/[^A-Za-z0-9-]/g, '-');
}
