// Readings of the design's data policies (DLP) for the rules: which policies cover an environment, which
// group a connector falls in, and what a connector's endpoint filtering lets through, evaluated as the
// admin center does (ordered patterns, first match wins, the last one is *).
import type { ElementOf } from '../../model/schema';
import type { Topology } from '../../model/topology';
import { serviceHost } from '../../verify/service-hosts';
import type { RuleSource } from '../rule';

type DataPolicy = ElementOf<'dataPolicy'>;
type Connector = ElementOf<'connector'>;
type ConnectorType = NonNullable<Connector['connectorType']>;
export type DataPolicyGroup = NonNullable<DataPolicy['defaultGroup']>;

export const DLP_SOURCES = {
  dlp: { title: 'Microsoft Learn: Data policies', url: 'https://learn.microsoft.com/power-platform/admin/prevent-data-loss' },
  endpointFiltering: { title: 'Microsoft Learn: Connector endpoint filtering', url: 'https://learn.microsoft.com/power-platform/admin/connector-endpoint-filtering' },
  classification: { title: 'Microsoft Learn: Connector classification', url: 'https://learn.microsoft.com/power-platform/admin/dlp-connector-classification' },
  terraform: {
    title: 'microsoft/terraform-provider-power-platform: powerplatform_data_loss_prevention_policy',
    url: 'https://github.com/microsoft/terraform-provider-power-platform/blob/main/docs/resources/data_loss_prevention_policy.md',
  },
} as const satisfies Record<string, RuleSource>;

/**
 * The data policy id of each design connector type that has a known one: Microsoft's connector ids
 * (`shared_sql`, `shared_azureblob`, `shared_webcontents` for HTTP with Microsoft Entra ID (preauthorized),
 * `shared_keyvault`, `shared_azurequeues`), and `http`, the id Learn's endpoint filtering example gives the HTTP
 * connector. Custom connectors are classified by URL pattern instead; the rest are not looked up (unknown).
 */
export const CONNECTOR_POLICY_IDS: Readonly<Partial<Record<ConnectorType, string>>> = {
  sqlServer: '/providers/Microsoft.PowerApps/apis/shared_sql',
  azureBlob: '/providers/Microsoft.PowerApps/apis/shared_azureblob',
  httpEntraId: '/providers/Microsoft.PowerApps/apis/shared_webcontents',
  keyVault: '/providers/Microsoft.PowerApps/apis/shared_keyvault',
  azureQueues: '/providers/Microsoft.PowerApps/apis/shared_azurequeues',
  http: 'http',
};

/** Connector types whose endpoints a data policy can filter (Learn lists HTTP, HTTP with Entra ID, SQL Server, Azure Blob Storage among them). */
export const ENDPOINT_FILTERABLE: ReadonlySet<ConnectorType> = new Set<ConnectorType>(['http', 'httpEntraId', 'sqlServer', 'azureBlob']);

/** Ids name the same connector when their last path segment does (the provider keeps the full path, Learn's examples sometimes the name). */
export function sameConnectorId(a: string, b: string): boolean {
  const name = (id: string) => id.slice(id.lastIndexOf('/') + 1).toLowerCase();
  return name(a) === name(b);
}

export function policyIdOf(c: Connector): string | undefined {
  return c.connectorType && CONNECTOR_POLICY_IDS[c.connectorType];
}

/** Whether `policy` applies to `env`; undefined when its scope is not stated. */
export function covers(t: Topology, policy: DataPolicy, envId: string): boolean | undefined {
  const named = t.outgoing(policy.id, 'dataPolicyScope').some((r) => r.to === envId);
  switch (policy.environmentScope) {
    case 'AllEnvironments': return true;
    case 'OnlyEnvironments': return named;
    case 'ExceptEnvironments': return !named;
    default: return undefined;
  }
}

/** The data policies that apply to an environment (those whose scope is unknown left out). */
export function policiesCovering(t: Topology, envId: string): DataPolicy[] {
  return t.all('dataPolicy').filter((p) => covers(t, p, envId) === true);
}

/** The group a connector id falls in under a policy: its listed group, else the default; undefined when neither is stated. */
export function groupOf(policy: DataPolicy, id: string): DataPolicyGroup | undefined {
  return policy.connectors?.find((c) => sameConnectorId(c.connector, id))?.group ?? policy.defaultGroup;
}

export type EndpointRule = NonNullable<DataPolicy['endpointRules']>[number];

/** A connector's endpoint rules in a policy, in order. */
export function endpointRulesOf(policy: DataPolicy, id: string): EndpointRule[] {
  return (policy.endpointRules ?? []).filter((r) => sameConnectorId(r.connector, id));
}

/** Admin-center patterns: `*` matches any run of characters, everything else itself, without regard to case. */
export function endpointMatches(pattern: string, endpoint: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(endpoint);
}

/** The behaviour of the first rule matching `endpoint`; Allow when there are no rules (the * Allow a new policy starts with). */
export function endpointBehavior(rules: readonly EndpointRule[], endpoint: string): 'Allow' | 'Deny' {
  return rules.find((r) => endpointMatches(r.endpoint, endpoint))?.behavior ?? 'Allow';
}

/** Whether the rules let through only what an earlier Allow names: the closing * rule denies. */
export function deniesTheRest(rules: readonly EndpointRule[]): boolean {
  const last = rules.at(-1);
  return last !== undefined && last.endpoint.trim() === '*' && last.behavior === 'Deny';
}

/**
 * The endpoint a connector names when it calls `service`, in the format the data policy matches (Learn:
 * SQL Server `<server>,<database>`, Azure Blob Storage the account name, the HTTP connectors a URL), or
 * undefined when the design does not tell the host. SQL's database is not in the design; a stand-in name is
 * used, so a pattern that names one database is read as naming the server's.
 */
export function endpointOf(c: Connector, service: ElementOf<'azureService'>): string | undefined {
  const host = serviceHost(service);
  if (!('host' in host)) return undefined;
  switch (c.connectorType) {
    case 'sqlServer': return `${host.host},database`;
    case 'azureBlob': return service.name.toLowerCase();
    case 'http':
    case 'httpEntraId': return `https://${host.host}/`;
    default: return undefined;
  }
}

/** Whether any private endpoint in the design targets the service. */
export function hasPrivateEndpoint(t: Topology, serviceId: string): boolean {
  return t.incoming(serviceId, 'peTarget').length > 0;
}
