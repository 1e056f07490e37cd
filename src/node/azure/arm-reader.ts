// Reads the network topology of one subscription from Azure Resource Manager with the real SDK clients
// (@azure/arm-network, @azure/arm-resources; their pipeline does auth, paging, retries). Raw REST bodies
// are kept, because the pure mapping in core/azure reads the documented ARM shapes. Read-only: GET only.
import type { NetworkManagementClient } from '@azure/arm-network';
import type { ResourceManagementClient } from '@azure/arm-resources';
import type { TokenCredential } from '@azure/core-auth';
import type { FullOperationResponse, OperationOptions } from '@azure/core-client';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { emptySnapshot, type ArmResource, type ArmSnapshot } from '../../core/azure/arm-shapes';
import { serviceTypeOfResourceType } from '../../core/rules/analysis/private-dns-zones';

export const SUBSCRIPTIONS_API_VERSION = '2022-12-01';
export const PRIVATE_DNS_API_VERSION = '2020-06-01';
export const ENTERPRISE_POLICY_API_VERSION = '2020-10-30-preview';
export const DNS_RESOLVER_API_VERSION = '2022-07-01';
export const LOG_ANALYTICS_API_VERSION = '2023-09-01';
/** The network API version of @azure/arm-network 36, for the lists read with plain GETs. */
export const NETWORK_API_VERSION = '2025-05-01';
export const DIAGNOSTIC_SETTINGS_API_VERSION = '2021-05-01-preview';
export const ENTERPRISE_POLICY_TYPE = 'Microsoft.PowerPlatform/enterprisePolicies';

export interface ArmConnection {
  readonly credential: TokenCredential;
  /** Resource Manager base URL (see core/azure/clouds.ts). */
  readonly endpoint: string;
  /** OAuth scope; defaults to `<endpoint>/.default`. */
  readonly scope?: string;
  readonly signal?: AbortSignal;
  /** Extra trusted CA (PEM); only the loopback test server needs one. */
  readonly ca?: string;
  /** Overrides of the SDK retry policy; the defaults suit ARM (throttling honours Retry-After). */
  readonly retry?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
}

export interface GroupOutcome {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly ok: boolean;
  /** HTTP status when the service refused (403 = no permission). */
  readonly status?: number;
  readonly error?: string;
}

export interface ReadResult {
  readonly snapshot: ArmSnapshot;
  readonly groups: readonly GroupOutcome[];
  /** HTTP attempts made, retries included. */
  readonly attempts: number;
}

export interface SubscriptionInfo {
  readonly subscriptionId: string;
  readonly displayName: string;
  readonly tenantId?: string;
  readonly state?: string;
}

/** The default retry policy of the SDK with a bounded total wait: 4 retries, 1 s doubling up to 30 s. */
const DEFAULT_RETRY = { maxRetries: 4, retryDelayInMs: 1000, maxRetryDelayInMs: 30_000 };

type ArmSdk = typeof import('./arm-sdk');

/** The SDK, loaded on the first read: it is most of the extension's code and only Azure import/compare needs it. */
let sdk: Promise<ArmSdk> | undefined;
function loadSdk(): Promise<ArmSdk> {
  // A failed load (a damaged install) is not remembered, so the next command tries again and says why.
  sdk ??= import('./arm-sdk').catch((e: unknown) => { sdk = undefined; throw e; });
  return sdk;
}

class ArmClients {
  readonly network: NetworkManagementClient;
  readonly resources: ResourceManagementClient;
  attempts = 0;

  /** The clients for one subscription, once the SDK is loaded. */
  static async create(connection: ArmConnection, subscriptionId: string): Promise<ArmClients> {
    return new ArmClients(await loadSdk(), connection, subscriptionId);
  }

  private constructor(private readonly sdk: ArmSdk, readonly connection: ArmConnection, subscriptionId: string) {
    const { NetworkManagementClient, ResourceManagementClient } = sdk;
    const options = {
      endpoint: connection.endpoint,
      $host: connection.endpoint,
      credentialScopes: [connection.scope ?? `${connection.endpoint}/.default`],
      retryOptions: { ...DEFAULT_RETRY, ...connection.retry },
      ...(connection.ca ? { tlsOptions: { ca: connection.ca } } : {}),
      userAgentOptions: { userAgentPrefix: 'ppvnet-designer' },
    };
    this.network = new NetworkManagementClient(connection.credential, subscriptionId, options);
    this.resources = new ResourceManagementClient(connection.credential, subscriptionId, options);
    // Counts each attempt (placed after the retry policy), so logs can say how many retries a read took.
    const counter: PipelinePolicy = { name: 'ppvnetAttemptCounter', sendRequest: (req, next) => { this.attempts++; return next(req); } };
    this.network.pipeline.addPolicy(counter, { afterPhase: 'Retry' });
    this.resources.pipeline.addPolicy(counter, { afterPhase: 'Retry' });
  }

  /** Options that keep the raw JSON of every page (the SDK calls onResponse once per page it fetches). */
  capture(into: ArmResource[]): OperationOptions {
    return {
      abortSignal: this.connection.signal,
      onResponse: (raw: FullOperationResponse) => {
        into.push(...resourcesOf(raw.bodyAsText ?? undefined));
      },
    };
  }

  /** GET of an ARM path the SDK packages do not cover, following nextLink, through the same pipeline. */
  async listRaw(path: string, apiVersion: string): Promise<unknown[]> {
    const out: unknown[] = [];
    let url: string | undefined = `${this.connection.endpoint}${path}?api-version=${apiVersion}`;
    while (url) {
      const response = await this.network.sendRequest(this.sdk.createPipelineRequest({ url, method: 'GET', abortSignal: this.connection.signal }));
      if (response.status !== 200) throw new ArmHttpError(response.status, response.bodyAsText ?? '', path);
      const body = JSON.parse(response.bodyAsText ?? '{}') as { value?: unknown; nextLink?: unknown };
      if (Array.isArray(body.value)) out.push(...(body.value as unknown[]));
      url = typeof body.nextLink === 'string' && body.nextLink !== '' ? body.nextLink : undefined;
    }
    return out;
  }
}

/** An ARM error answer outside the SDK operations (same fields as the SDK's RestError that matter here). */
export class ArmHttpError extends Error {
  constructor(readonly statusCode: number, body: string, path: string) {
    super(`${statusCode} ${armErrorMessage(body) ?? 'error'} (${path})`);
  }
}

function armErrorMessage(body: string | undefined): string | undefined {
  try {
    const e = (JSON.parse(body ?? '') as { error?: { code?: string; message?: string } }).error;
    return e ? `${e.code ?? ''}: ${e.message ?? ''}` : undefined;
  } catch {
    return undefined;
  }
}

function isResource(r: unknown): r is ArmResource {
  return typeof (r as ArmResource)?.id === 'string' && typeof (r as ArmResource)?.name === 'string';
}

function resourcesOf(text: string | undefined): ArmResource[] {
  if (!text) return [];
  const value = (JSON.parse(text) as { value?: unknown }).value;
  return Array.isArray(value) ? value.filter(isResource) : [];
}

async function drain(pages: AsyncIterable<unknown>): Promise<void> {
  // The pages' raw bodies are captured by onResponse; iterating drives the SDK through every nextLink.
  for await (const _page of pages) { /* see capture() */ }
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || /aborted/i.test(e.message));
}

/** A short, token-free description of a failed read. */
export function describeError(e: unknown): { status?: number; error: string } {
  const status = typeof (e as { statusCode?: unknown })?.statusCode === 'number' ? (e as { statusCode: number }).statusCode : undefined;
  const rawCode = (e as { code?: unknown })?.code;
  const code = typeof rawCode === 'string' ? rawCode : undefined;
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
  const head = [status !== undefined ? `HTTP ${status}` : undefined, code].filter((p) => p !== undefined).join(' ') || 'error';
  return { ...(status !== undefined ? { status } : {}), error: `${head}: ${message}` };
}

/** Lists the subscriptions the credential can see. */
export async function listSubscriptions(connection: ArmConnection): Promise<SubscriptionInfo[]> {
  const clients = await ArmClients.create(connection, '00000000-0000-0000-0000-000000000000');
  const raw = await clients.listRaw('/subscriptions', SUBSCRIPTIONS_API_VERSION);
  return raw
    .map((s) => s as unknown as { subscriptionId?: string; displayName?: string; tenantId?: string; state?: string })
    .filter((s): s is SubscriptionInfo => typeof s.subscriptionId === 'string')
    .map((s) => ({ subscriptionId: s.subscriptionId, displayName: s.displayName ?? s.subscriptionId, tenantId: s.tenantId, state: s.state }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Lists the resource group names of a subscription. */
export async function listResourceGroups(connection: ArmConnection, subscriptionId: string): Promise<string[]> {
  const clients = await ArmClients.create(connection, subscriptionId);
  const names: string[] = [];
  for await (const g of clients.resources.resourceGroups.list({ abortSignal: connection.signal })) {
    if (g.name) names.push(g.name);
  }
  return names.sort((a, b) => a.localeCompare(b));
}

/**
 * Reads the network resources and enterprise policies of the given resource groups (all groups when
 * none are given). A group the caller may not read is reported in `groups` and left out; cancellation
 * and failures outside a group (listing the groups) throw.
 */
export async function readSubscription(
  connection: ArmConnection,
  subscriptionId: string,
  resourceGroups?: readonly string[],
  onProgress?: (message: string) => void,
): Promise<ReadResult> {
  const clients = await ArmClients.create(connection, subscriptionId);
  const names = resourceGroups && resourceGroups.length > 0 ? [...resourceGroups] : await listResourceGroups(connection, subscriptionId);
  const snapshot = emptySnapshot();
  const groups: GroupOutcome[] = [];
  for (const [i, rg] of names.entries()) {
    connection.signal?.throwIfAborted();
    onProgress?.(`Reading ${rg} (${i + 1}/${names.length})`);
    try {
      const part = await readGroup(clients, subscriptionId, rg);
      for (const key of Object.keys(snapshot) as (keyof ArmSnapshot)[]) snapshot[key].push(...part[key]);
      groups.push({ subscriptionId, resourceGroup: rg, ok: true });
    } catch (e) {
      if (isAbort(e) || connection.signal?.aborted) throw e;
      groups.push({ subscriptionId, resourceGroup: rg, ok: false, ...describeError(e) });
    }
  }
  return { snapshot, groups, attempts: clients.attempts };
}

async function readGroup(clients: ArmClients, subscriptionId: string, rg: string): Promise<ReturnType<typeof emptySnapshot>> {
  const s = emptySnapshot();
  const { network, resources } = clients;
  await drain(network.virtualNetworks.list(rg, clients.capture(s.virtualNetworks)).byPage());
  for (const vnet of s.virtualNetworks) {
    await drain(network.virtualNetworkPeerings.list(rg, vnet.name, clients.capture(s.virtualNetworkPeerings)).byPage());
  }
  await drain(network.natGateways.list(rg, clients.capture(s.natGateways)).byPage());
  await drain(network.networkSecurityGroups.list(rg, clients.capture(s.networkSecurityGroups)).byPage());
  await drain(network.routeTables.list(rg, clients.capture(s.routeTables)).byPage());
  await drain(network.virtualNetworkGateways.list(rg, clients.capture(s.virtualNetworkGateways)).byPage());
  await drain(network.privateEndpoints.list(rg, clients.capture(s.privateEndpoints)).byPage());
  for (const pe of s.privateEndpoints) {
    await drain(network.privateDnsZoneGroups.list(pe.name, rg, clients.capture(s.privateDnsZoneGroups)).byPage());
  }
  // Azure Firewalls and their policies; a policy's rules live in its rule collection groups.
  await drain(network.azureFirewalls.list(rg, clients.capture(s.azureFirewalls)).byPage());
  await drain(network.firewallPolicies.list(rg, clients.capture(s.firewallPolicies)).byPage());
  for (const policy of s.firewallPolicies) {
    await drain(network.firewallPolicyRuleCollectionGroups.list(rg, policy.name, clients.capture(s.firewallPolicyRuleCollectionGroups)).byPage());
  }
  const sub = encodeURIComponent(subscriptionId);
  const group = encodeURIComponent(rg);
  // Private DNS lives in its own SDK package; the same pipeline reads it with plain GETs.
  const zones = await clients.listRaw(`/subscriptions/${sub}/resourceGroups/${group}/providers/Microsoft.Network/privateDnsZones`, PRIVATE_DNS_API_VERSION);
  s.privateDnsZones.push(...zones.filter(isResource));
  for (const zone of s.privateDnsZones) {
    const links = await clients.listRaw(
      `/subscriptions/${sub}/resourceGroups/${group}/providers/Microsoft.Network/privateDnsZones/${encodeURIComponent(zone.name)}/virtualNetworkLinks`,
      PRIVATE_DNS_API_VERSION,
    );
    s.virtualNetworkLinks.push(...links.filter(isResource));
  }
  // DNS Private Resolver, its endpoints and forwarding rulesets: plain GETs too (their own SDK package).
  const provider = `/subscriptions/${sub}/resourceGroups/${group}/providers/Microsoft.Network`;
  const list = async (path: string, into: ArmResource[]) => { into.push(...(await clients.listRaw(`${provider}/${path}`, DNS_RESOLVER_API_VERSION)).filter(isResource)); };
  await list('dnsResolvers', s.dnsResolvers);
  for (const r of s.dnsResolvers) {
    await list(`dnsResolvers/${encodeURIComponent(r.name)}/inboundEndpoints`, s.dnsResolverInboundEndpoints);
    await list(`dnsResolvers/${encodeURIComponent(r.name)}/outboundEndpoints`, s.dnsResolverOutboundEndpoints);
  }
  await list('dnsForwardingRulesets', s.dnsForwardingRulesets);
  for (const r of s.dnsForwardingRulesets) {
    await list(`dnsForwardingRulesets/${encodeURIComponent(r.name)}/forwardingRules`, s.dnsForwardingRules);
    await list(`dnsForwardingRulesets/${encodeURIComponent(r.name)}/virtualNetworkLinks`, s.dnsForwardingRulesetLinks);
  }
  // Enterprise policies have no SDK package: find them with the generic list, then GET each with its API version.
  const found: ArmResource[] = [];
  await drain(resources.resources.listByResourceGroup(rg, { ...clients.capture(found), filter: `resourceType eq '${ENTERPRISE_POLICY_TYPE}'` }).byPage());
  for (const policy of found) {
    const full: ArmResource[] = [];
    await resources.resources.getById(policy.id, ENTERPRISE_POLICY_API_VERSION, {
      abortSignal: clients.connection.signal,
      onResponse: (raw) => { full.push(JSON.parse(raw.bodyAsText ?? '{}') as ArmResource); },
    });
    s.enterprisePolicies.push(...full);
  }
  // Monitoring: watchers and their flow logs, workspaces, and the diagnostic settings of this group's NAT
  // gateways and of the Azure services the design models (Key Vault, SQL, storage, App Service, AI Search).
  // The SDK reads NetworkWatchers_List as one page (the operation declares no nextLink); a plain GET follows one if sent.
  const watchers = await clients.listRaw(`/subscriptions/${sub}/resourceGroups/${group}/providers/Microsoft.Network/networkWatchers`, NETWORK_API_VERSION);
  s.networkWatchers.push(...watchers.filter(isResource));
  for (const nw of s.networkWatchers) {
    await drain(network.flowLogs.list(rg, nw.name, clients.capture(s.flowLogs)).byPage());
  }
  const workspaces = await clients.listRaw(`/subscriptions/${sub}/resourceGroups/${group}/providers/Microsoft.OperationalInsights/workspaces`, LOG_ANALYTICS_API_VERSION);
  s.logAnalyticsWorkspaces.push(...workspaces.filter(isResource));
  const everything: ArmResource[] = [];
  await drain(resources.resources.listByResourceGroup(rg, clients.capture(everything)).byPage());
  const services = everything.filter((r) => serviceTypeOfResourceType(r.type ?? '') !== undefined).map((r) => r.id);
  for (const id of [...s.natGateways.map((n) => n.id), ...services]) {
    const settings = await clients.listRaw(`${id}/providers/Microsoft.Insights/diagnosticSettings`, DIAGNOSTIC_SETTINGS_API_VERSION);
    s.diagnosticSettings.push(...settings.filter(isResource));
  }
  return s;
}
