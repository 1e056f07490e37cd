// The design document `*.ppvnet.json`, version 1, as zod schemas. The TypeScript types are inferred
// from here, and the contributed JSON Schema is generated from here, so the three never drift.
import { z } from 'zod';
import { compileAccept, registerSafeTextCheck, REJECTED } from './schema-accept';
import { firstUnsafeCharacter } from './unsafe-characters';

export const DESIGN_VERSION = 1;

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'ids are 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit')
  .describe('Stable element id, unique in the design.');
/**
 * Text shown as a name (canvas, Problems, CLI reports, export comments) must not hide or rewrite what is
 * around it, and Azure resource names cannot contain control characters anyway. The issue carries the
 * character's index so the loader can point at the character itself.
 */
/** Where the issue of a refused character keeps its index in the string. */
export const UNSAFE_CHARACTER_PARAM = 'characterIndex';

function safeText<T extends z.ZodString>(schema: T): T {
  const refined = schema.superRefine((text, ctx) => {
    const bad = firstUnsafeCharacter(text);
    if (bad) {
      ctx.addIssue({
        code: 'custom',
        message: `Contains ${bad.description} at character ${bad.index + 1}; names cannot contain control characters, line breaks, bidirectional controls or unpaired surrogates`,
        params: { [UNSAFE_CHARACTER_PARAM]: bad.index },
      });
    }
  });
  // The loader's compiled check runs the same test itself (see schema-accept.ts).
  registerSafeTextCheck(refined._zod.def.checks!.at(-1)!);
  return refined as unknown as T;
}

const name = safeText(z.string().min(1).max(80)).describe('Name, as deployed (Azure resource name) or shown (environment).');
const position = z.strictObject({ x: z.number(), y: z.number() }).describe('Canvas position; relative to the parent for nested elements.');
const size = z.strictObject({ width: z.number().positive(), height: z.number().positive() }).describe('Canvas size of a container.');
const cidrText = z.string().describe('CIDR block, IPv4 (e.g. 10.10.0.0/16) or, in a dual-stack VNet, IPv6 (e.g. fd00:db8:deca::/48; subnets /64).');
const guid = z.string().describe('A GUID.');
const region = z.string().describe('Azure region name, e.g. westeurope.');
const geography = z.string().describe('Power Platform geography, e.g. europe, unitedstates, uk.');

/** Fields that every element has, in canonical order: identity first, canvas placement last. */
const head = { id, kind: z.string(), name, description: z.string().max(2000).optional() };
const tail = { position: position.optional() };
const placement = { subscriptionId: guid.optional(), resourceGroup: z.string().optional(), tenantId: guid.optional() };

function element<K extends string, S extends z.ZodRawShape, T extends z.ZodRawShape = Record<never, never>>(kind: K, shape: S, extraTail?: T) {
  return z.strictObject({ ...head, kind: z.literal(kind), ...shape, ...(extraTail ?? ({} as T)), ...tail });
}

export const environmentSchema = element('environment', {
  geography: geography.optional(),
  environmentType: z.enum(['Production', 'Sandbox', 'Developer', 'Default', 'Trial', 'Teams']).optional(),
  stage: z.enum(['dev', 'test', 'prod']).optional().describe('Lifecycle stage, for segmentation rules.'),
  managed: z.boolean().optional().describe('Managed Environment (required for VNet support).'),
  releaseCycle: z.enum(['standard', 'early']).optional(),
  azureRegion: region.optional().describe('Azure region the environment is pinned to (chooses the US pair).'),
  environmentId: guid.optional().describe('Power Platform environment id, for the link script.'),
  tenantId: guid.optional(),
});

export const enterprisePolicySchema = element('enterprisePolicy', {
  geography: geography.optional(),
  ...placement,
  markedForDeletion: z.boolean().optional(),
  plannedEnvironments: z
    .strictObject({
      production: z.number().int().min(0).max(10_000).optional(),
      nonProduction: z.number().int().min(0).max(10_000).optional(),
    })
    .optional()
    .describe('Environments to be linked later, on top of those linked now: the capacity planner and PPV-039 size both delegated subnets for them, because a delegated range cannot change while environments are linked.'),
  // The next fields are only set by IaC readers, which see what a template really says.
  apiVersion: z.string().optional().describe('ARM API version as written in IaC.'),
  policyKind: z.string().optional().describe('The `kind` as written in IaC; NetworkInjection for subnet injection.'),
  networksShape: z.enum(['array', 'valueWrapper', 'other']).optional().describe('Shape of virtualNetworks as written in IaC.'),
  unresolvedSubnets: z
    .array(z.strictObject({ vnet: z.string(), subnet: z.string() }))
    .optional()
    .describe('VNet/subnet references in IaC that name no subnet of the design.'),
});

export const vnetSchema = element('vnet', {
  region: region.optional(),
  addressSpaces: z.array(cidrText).optional(),
  dnsServers: z.array(z.string()).optional().describe('Custom DNS servers; empty or absent means Azure-provided DNS.'),
  ...placement,
}, { size: size.optional() });

export const subnetSchema = element('subnet', {
  addressPrefix: cidrText.optional(),
  delegations: z.array(z.string()).optional().describe('Service names the subnet is delegated to.'),
  privateEndpointNetworkPolicies: z.enum(['Disabled', 'Enabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled']).optional(),
  defaultOutboundAccess: z.boolean().optional(),
  serviceEndpoints: z.array(z.string()).optional(),
}, { parent: id.describe('The VNet this subnet belongs to.') });

export const natGatewaySchema = element('natGateway', {
  region: region.optional(),
  publicIpCount: z.number().int().optional().describe('Standard public IPs attached (1–16).'),
  idleTimeoutMinutes: z.number().int().optional(),
  ...placement,
});

export const nsgRuleSchema = z.strictObject({
  name,
  priority: z.number().int(),
  direction: z.enum(['Inbound', 'Outbound']),
  access: z.enum(['Allow', 'Deny']),
  protocol: z.enum(['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*']),
  sourceAddressPrefix: z.string(),
  sourcePortRange: z.string(),
  destinationAddressPrefix: z.string(),
  destinationPortRange: z.string(),
  description: z.string().optional(),
});

export const nsgSchema = element('nsg', {
  region: region.optional(),
  rules: z.array(nsgRuleSchema).optional(),
  ...placement,
});

export const routeSchema = z.strictObject({
  name,
  addressPrefix: z.string(),
  nextHopType: z.enum(['VirtualNetworkGateway', 'VnetLocal', 'Internet', 'VirtualAppliance', 'None']),
  nextHopIpAddress: z.string().optional(),
});

export const routeTableSchema = element('routeTable', {
  region: region.optional(),
  routes: z.array(routeSchema).optional(),
  bgpRoutePropagation: z.boolean().optional(),
  ...placement,
});

export const vpnGatewaySchema = element('vpnGateway', {
  sku: z.string().optional().describe('e.g. VpnGw1AZ; Basic does not support gateway transit over global peering.'),
  activeActive: z.boolean().optional(),
}, { parent: id.describe('The VNet whose GatewaySubnet hosts the gateway.') });

export const expressRouteGatewaySchema = element('expressRouteGateway', {
  sku: z.string().optional().describe('e.g. ErGw1AZ.'),
}, { parent: id.describe('The VNet whose GatewaySubnet hosts the gateway.') });

export const onPremisesSchema = element('onPremises', {
  addressSpaces: z.array(cidrText).optional(),
});

export const privateEndpointSchema = element('privateEndpoint', {
  groupId: z.string().optional().describe('Sub-resource, e.g. vault, sqlServer, blob, sites, searchService.'),
  region: region.optional(),
  ...placement,
});

export const privateDnsZoneSchema = element('privateDnsZone', { ...placement });

export const AZURE_SERVICE_TYPES = ['keyVault', 'sqlServer', 'storageAccount', 'appService', 'aiSearch', 'other'] as const;
export const azureServiceSchema = element('azureService', {
  serviceType: z.enum(AZURE_SERVICE_TYPES),
  region: region.optional(),
  publicNetworkAccess: z.boolean().optional().describe('Whether the service still accepts public traffic.'),
  resourceType: z.string().optional().describe('ARM type, for serviceType other.'),
  ...placement,
});

export const CONNECTOR_TYPES = [
  'custom', 'httpEntraId', 'sqlServer', 'keyVault', 'azureBlob', 'azureFile', 'azureQueues', 'aiSearch',
  'snowflake', 'databricks', 'plugin', 'dataflow', 'powerBi', 'lowCodePlugin', 'azureAwarePlugin',
  // Not carried by subnet injection (PPV-036): the plain HTTP connectors and on-premises data gateway connections.
  'http', 'onPremisesDataGateway',
] as const;
export const connectorSchema = element('connector', {
  connectorType: z.enum(CONNECTOR_TYPES).optional(),
  authKind: z.enum(['entraIdOAuth', 'apiKey', 'basic', 'windows', 'none']).optional(),
  host: z.string().optional().describe('Host name the connector calls, when it is not a modelled service.'),
  thirdPartyDriver: z.boolean().optional(),
  clientSecretRef: z
    .string()
    .optional()
    .describe('Name of the Key Vault secret holding the OAuth client secret (never the secret itself).'),
});

// The VNet data gateway is created in the Power Platform admin center (or Power BI), not by ARM: the design
// keeps it so the rules can check its subnet and the export can write the manual step.
export const vnetDataGatewaySchema = element('vnetDataGateway', {
  memberCount: z.number().int().optional().describe('Gateway members planned in this subnet, over all its clusters; each takes one IP.'),
});

export const networkWatcherSchema = element('networkWatcher', {
  region: region.optional(),
  ...placement,
});

export const flowLogSchema = element('flowLog', {
  enabled: z.boolean().optional().describe('Whether flow logging is on (default true).'),
  retentionDays: z.number().int().optional().describe('Days the storage account keeps the records; 0 keeps them forever.'),
  trafficAnalyticsIntervalMinutes: z.number().int().optional().describe('Traffic analytics processing interval: 10 or 60 minutes.'),
});

export const logAnalyticsWorkspaceSchema = element('logAnalyticsWorkspace', {
  region: region.optional(),
  retentionDays: z.number().int().optional().describe('Days the workspace keeps data (30–730 on PerGB2018).'),
  ...placement,
});

// Azure DNS Private Resolver lives in one VNet; its endpoints are relations to their dedicated subnets.
export const dnsResolverSchema = element('dnsResolver', {
  ...placement,
}, { parent: id.describe('The VNet the resolver serves (its endpoints sit in subnets of this VNet).') });

export const dnsTargetSchema = z.strictObject({
  ipAddress: z.string().describe('IPv4 address of the DNS server queries are forwarded to.'),
  port: z.number().int().min(1).max(65535).optional().describe('Port of the target DNS server (default 53).'),
});

export const forwardingRuleSchema = z.strictObject({
  name,
  domainName: z.string().min(1).max(253).describe('Domain whose queries are forwarded, e.g. contoso.local. (the trailing dot as Azure writes it).'),
  targetDnsServers: z.array(dnsTargetSchema),
  enabled: z.boolean().optional().describe('Whether the rule is on (default true).'),
});

export const dnsForwardingRulesetSchema = element('dnsForwardingRuleset', {
  region: region.optional(),
  rules: z.array(forwardingRuleSchema).optional().describe('Conditional forwarding rules (up to 25).'),
  ...placement,
});

// Azure Firewall Policy rules as the policy's rule collection groups hold them (firewallPolicies/
// ruleCollectionGroups). DNAT collections and threat intelligence are not modelled: the verifier judges
// outbound flows, which DNAT does not touch, and threat intelligence works from feeds no design holds.
export const FIREWALL_NETWORK_PROTOCOLS = ['TCP', 'UDP', 'ICMP', 'Any'] as const;
export const FIREWALL_APPLICATION_PROTOCOLS = ['Http', 'Https', 'Mssql'] as const;
const addressList = z.array(z.string());

export const firewallNetworkRuleSchema = z.strictObject({
  name,
  description: z.string().optional(),
  sourceAddresses: addressList.describe('Source IPs or CIDRs, or *.'),
  protocols: z.array(z.enum(FIREWALL_NETWORK_PROTOCOLS)),
  destinationAddresses: addressList.optional().describe('Destination IPs, CIDRs, service tags (e.g. AzureKeyVault.westeurope) or *.'),
  destinationFqdns: addressList.optional().describe('Destination FQDNs (the firewall resolves them with its DNS proxy).'),
  destinationPorts: z.array(z.string()).describe('Ports or ranges, e.g. 443, 8000-8080, *.'),
});

export const firewallApplicationRuleSchema = z.strictObject({
  name,
  description: z.string().optional(),
  sourceAddresses: addressList.describe('Source IPs or CIDRs, or *.'),
  protocols: z.array(z.strictObject({ protocolType: z.enum(FIREWALL_APPLICATION_PROTOCOLS), port: z.number().int() })),
  targetFqdns: addressList.optional().describe('Target FQDNs; a leading *. matches any subdomain, * alone any host.'),
  fqdnTags: addressList.optional().describe('FQDN tags, e.g. WindowsUpdate; the hosts behind a tag are not in the design.'),
});

const collectionHead = { name, priority: z.number().int().describe('100 (first) to 65000.'), action: z.enum(['Allow', 'Deny']) };
export const firewallRuleCollectionSchema = z.discriminatedUnion('ruleType', [
  z.strictObject({ ...collectionHead, ruleType: z.literal('network'), rules: z.array(firewallNetworkRuleSchema) }),
  z.strictObject({ ...collectionHead, ruleType: z.literal('application'), rules: z.array(firewallApplicationRuleSchema) }),
]);

export const firewallRuleCollectionGroupSchema = z.strictObject({
  name,
  priority: z.number().int().describe('100 (first) to 65000.'),
  ruleCollections: z.array(firewallRuleCollectionSchema),
});

export const FIREWALL_APPLIANCES = ['azureFirewall', 'nva'] as const;
export const firewallSchema = element('firewall', {
  appliance: z.enum(FIREWALL_APPLIANCES).optional().describe('Azure Firewall (default), or a network virtual appliance whose rules the design does not hold.'),
  skuTier: z.enum(['Basic', 'Standard', 'Premium']).optional(),
  privateIpAddress: z.string().optional().describe('The private IP that user-defined routes name as next hop.'),
  region: region.optional(),
  ruleCollectionGroups: z.array(firewallRuleCollectionGroupSchema).optional().describe('The firewall policy\'s rules; absent means not known.'),
  ...placement,
});

// A Power Platform data policy (DLP), a tenant object of the admin center rather than an Azure resource: the
// design keeps its environment scope, connector groups and endpoint filtering so the rules can weigh them
// against the network (connectors that reach a private endpoint, HTTP connectors that bypass the subnet).
export const DATA_POLICY_GROUPS = ['Business', 'NonBusiness', 'Blocked'] as const;
const connectorId = safeText(z.string().min(1).max(300))
  .describe('Connector id as the data policy names it, e.g. /providers/Microsoft.PowerApps/apis/shared_sql (or http).');
export const dataPolicyConnectorSchema = z.strictObject({
  connector: connectorId,
  group: z.enum(DATA_POLICY_GROUPS),
});
export const endpointRuleSchema = z.strictObject({
  connector: connectorId,
  endpoint: safeText(z.string().min(1).max(500)).describe('Endpoint pattern in the connector\'s format (URL, "<server>,<database>", storage account name); * is a wildcard.'),
  behavior: z.enum(['Allow', 'Deny']),
});
export const customConnectorPatternSchema = z.strictObject({
  hostUrlPattern: safeText(z.string().min(1).max(500)),
  group: z.enum([...DATA_POLICY_GROUPS, 'Ignore']),
});
export const dataPolicySchema = element('dataPolicy', {
  environmentScope: z.enum(['AllEnvironments', 'OnlyEnvironments', 'ExceptEnvironments']).optional()
    .describe('Which environments the policy covers; Only/Except name them with dataPolicyScope relations.'),
  defaultGroup: z.enum(DATA_POLICY_GROUPS).optional().describe('Group of the connectors the policy does not list, new connectors included.'),
  connectors: z.array(dataPolicyConnectorSchema).optional().describe('Connectors the policy classifies, each in one group.'),
  endpointRules: z.array(endpointRuleSchema).optional()
    .describe('Endpoint filtering: per connector, ordered Allow/Deny patterns evaluated first to last; the last one is *.'),
  customConnectorPatterns: z.array(customConnectorPatternSchema).optional().describe('Custom connectors by host URL pattern, in order; the last one is *.'),
});

export const elementSchema = z.discriminatedUnion('kind', [
  environmentSchema, enterprisePolicySchema, vnetSchema, subnetSchema, natGatewaySchema, nsgSchema, routeTableSchema,
  vpnGatewaySchema, expressRouteGatewaySchema, onPremisesSchema, privateEndpointSchema, privateDnsZoneSchema,
  azureServiceSchema, connectorSchema, vnetDataGatewaySchema, networkWatcherSchema, flowLogSchema, logAnalyticsWorkspaceSchema,
  dnsResolverSchema, dnsForwardingRulesetSchema,
  firewallSchema,
  dataPolicySchema,
]);

const relHead = { id, kind: z.string(), from: id, to: id };
function relation<K extends string, S extends z.ZodRawShape>(kind: K, shape: S) {
  return z.strictObject({ ...relHead, kind: z.literal(kind), ...shape });
}

export const peeringSchema = relation('peering', {
  allowVirtualNetworkAccess: z.boolean().optional(),
  allowForwardedTraffic: z.boolean().optional(),
  allowGatewayTransit: z.boolean().optional(),
  useRemoteGateways: z.boolean().optional(),
});

export const relationSchema = z.discriminatedUnion('kind', [
  relation('policyLink', {}),
  relation('policySubnet', {}),
  peeringSchema,
  relation('natAssociation', {}),
  relation('nsgAssociation', {}),
  relation('routeTableAssociation', {}),
  relation('peTarget', {}),
  relation('peSubnet', {}),
  relation('peDnsZone', {}),
  relation('dnsZoneLink', { registrationEnabled: z.boolean().optional() }),
  relation('gatewayConnection', {}),
  relation('connectorTarget', {}),
  relation('connectorSecret', {}),
  relation('workload', {}),
  relation('dataGatewaySubnet', {}),
  relation('flowLogTarget', {}),
  relation('flowLogWatcher', {}),
  relation('flowLogStorage', {}),
  relation('trafficAnalytics', {}),
  relation('diagnostics', {}),
  relation('resolverInbound', {
    endpointName: name.optional(),
    privateIpAddress: z.string().optional().describe('Static IP of the inbound endpoint; absent means Azure assigns one (dynamic), which the design cannot know.'),
  }),
  relation('resolverOutbound', { endpointName: name.optional() }),
  relation('rulesetOutbound', {}),
  relation('rulesetLink', {}),
  relation('firewallSubnet', {}),
  relation('dataPolicyScope', {}),
]);

export const designSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(DESIGN_VERSION),
  name: safeText(z.string().min(1).max(120)),
  description: z.string().max(4000).optional(),
  elements: z.array(elementSchema),
  relations: z.array(relationSchema),
});

/**
 * designSchema compiled to a plain check that returns its parse's output or REJECTED (zod is then asked for
 * the errors); undefined if the schema ever uses what the compiler does not know. Equal to zod: tested so.
 */
export const acceptDesign = compileAccept(designSchema);

/**
 * `designSchema.safeParse`, with the same verdict and data, by the compiled check first: zod itself runs only
 * for a design that check rejects, to describe what is wrong. For every caller that checks a whole design.
 */
export function parseDesign(value: unknown): z.ZodSafeParseResult<Design> {
  const accepted = acceptDesign ? acceptDesign(value) : REJECTED;
  return accepted !== REJECTED ? { success: true, data: accepted as Design } : designSchema.safeParse(value);
}

export type Design = z.infer<typeof designSchema>;
export type Element = z.infer<typeof elementSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type ElementOf<K extends Element['kind']> = Extract<Element, { kind: K }>;
export type RelationOf<K extends Relation['kind']> = Extract<Relation, { kind: K }>;
export type NsgRule = z.infer<typeof nsgRuleSchema>;
export type Route = z.infer<typeof routeSchema>;
export type ForwardingRule = z.infer<typeof forwardingRuleSchema>;
export type FirewallRuleCollectionGroup = z.infer<typeof firewallRuleCollectionGroupSchema>;
export type FirewallRuleCollection = z.infer<typeof firewallRuleCollectionSchema>;
export type FirewallNetworkRule = z.infer<typeof firewallNetworkRuleSchema>;
export type FirewallApplicationRule = z.infer<typeof firewallApplicationRuleSchema>;
export type Position = z.infer<typeof position>;

/** Canonical key order of each element and relation kind, used by the serializer. */
export const ELEMENT_KEY_ORDER: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  elementSchema.options.map((o) => [o.shape.kind.value, Object.keys(o.shape)]),
);
export const RELATION_KEY_ORDER: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  relationSchema.options.map((o) => [o.shape.kind.value, Object.keys(o.shape)]),
);
export const DESIGN_KEY_ORDER = Object.keys(designSchema.shape);

/** The container of a nested element (subnet or gateway → VNet), if it has one. */
export function parentOf(e: Element): string | undefined {
  return e.kind === 'subnet' || e.kind === 'vpnGateway' || e.kind === 'expressRouteGateway' || e.kind === 'dnsResolver' ? e.parent : undefined;
}
