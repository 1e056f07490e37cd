// The Azure import against the loopback ARM server (real SDK clients, real HTTPS, planted faults):
// paging, retries, per-group permission failures, the mapped design, and read-only behaviour.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFromAzure, readLiveDesign, AzureImportError } from '../../../src/node/azure/import-design';
import { listResourceGroups, listSubscriptions } from '../../../src/node/azure/arm-reader';
import { StaticTokenCredential } from '../../../src/node/azure/static-credential';
import { loadArmFixture, startArmServer, type ArmFault, type ArmServer } from '../../support/arm-server';

const FIXTURE = join(__dirname, '../../fixtures/arm/seed-subscription.json');
const SUB = '00000000-0000-4000-8000-000000000001';
const servers: ArmServer[] = [];

async function serve(faults: ArmFault[] = [], pageSize = 2) {
  const token = `test-${randomBytes(12).toString('hex')}`;
  const server = await startArmServer({ fixture: loadArmFixture(FIXTURE), token, faults, pageSize, lifetimeMs: 60_000 });
  servers.push(server);
  const connection = {
    credential: new StaticTokenCredential(token), endpoint: server.endpoint, ca: server.ca,
    retry: { retryDelayInMs: 50, maxRetryDelayInMs: 200 },
  };
  return { server, token, connection };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('Azure import against the loopback ARM server', () => {
  it('lists subscriptions and resource groups through nextLink pages', async () => {
    const { server, connection } = await serve();
    const subs = await listSubscriptions(connection);
    expect(subs.map((s) => s.subscriptionId)).toEqual([SUB, '00000000-0000-4000-8000-000000000002']);
    const groups = await listResourceGroups(connection, SUB);
    expect(groups).toEqual(['rg-casemgmt-app', 'rg-casemgmt-network', 'rg-casemgmt-policy', 'rg-legacy-restricted']);
    // 4 groups at 2 per page: the SDK must have followed one nextLink.
    expect(server.requests.filter((r) => /resourcegroups\?/i.test(r.url) && r.url.includes('skiptoken')).length).toBe(1);
  });

  it('imports the seed subscription, reporting the group it may not read', async () => {
    const { server, connection } = await serve([{ pathIncludes: '/resourcegroups/rg-legacy-restricted', status: 403, times: 1000 }]);
    const result = await importFromAzure(connection, { scopes: [{ subscriptionId: SUB }], name: 'imported' });
    expect(result.groups.filter((g) => !g.ok)).toEqual([
      expect.objectContaining({ resourceGroup: 'rg-legacy-restricted', status: 403, error: expect.stringContaining('AuthorizationFailed') }),
    ]);
    const d = result.design;
    const kinds = d.elements.map((e) => `${e.kind}:${e.name}`).sort();
    expect(kinds).toEqual([
      'azureService:app-casemgmt-api', 'azureService:kv-casemgmt', 'azureService:stflowlogsneu', 'azureService:stflowlogsweu',
      'enterprisePolicy:ep-casemgmt-prod',
      'flowLog:fl-vnet-pp-neu', 'flowLog:fl-vnet-pp-weu',
      'logAnalyticsWorkspace:log-pp-monitoring',
      'natGateway:ng-pp-neu', 'natGateway:ng-pp-weu',
      'networkWatcher:NetworkWatcher_northeurope', 'networkWatcher:NetworkWatcher_westeurope',
      'nsg:nsg-pp-neu', 'nsg:nsg-pp-weu',
      'privateDnsZone:privatelink.azurewebsites.net', 'privateDnsZone:privatelink.vaultcore.azure.net',
      'privateEndpoint:pe-casemgmt-api', 'privateEndpoint:pe-casemgmt-kv',
      'subnet:snet-datagateway', 'subnet:snet-powerplatform', 'subnet:snet-powerplatform', 'subnet:snet-private-endpoints',
      'vnet:vnet-pp-neu', 'vnet:vnet-pp-weu',
    ]);
    expect(d.elements.every((e) => e.position !== undefined)).toBe(true);
    expect(result.attempts).toBeGreaterThan(20);
    expect(server.requests.every((r) => r.method === 'GET' && r.authorized)).toBe(true);
  });

  it('retries 429 after Retry-After, 500 and a reset connection, once each, then succeeds', async () => {
    const { server, connection } = await serve([
      { pathIncludes: '/providers/microsoft.network/virtualnetworks', status: 429, times: 1, retryAfterSeconds: 1 },
      { pathIncludes: '/providers/microsoft.network/natgateways', status: 500, times: 1 },
      { pathIncludes: '/providers/microsoft.network/networksecuritygroups', status: 'reset', times: 1 },
    ]);
    const result = await readLiveDesign(connection, { scopes: [{ subscriptionId: SUB, resourceGroups: ['rg-casemgmt-network'] }] });
    expect(result.groups).toEqual([{ subscriptionId: SUB, resourceGroup: 'rg-casemgmt-network', ok: true }]);
    const hits = (part: string) => server.requests.filter((r) => r.url.toLowerCase().includes(part) && !r.url.toLowerCase().includes(`${part}/`));
    const vnets = hits('/providers/microsoft.network/virtualnetworks?');
    expect(vnets.map((r) => r.status)).toEqual([429, 200]);
    expect(vnets[1]!.at - vnets[0]!.at).toBeGreaterThanOrEqual(950);
    expect(hits('/providers/microsoft.network/natgateways?').map((r) => r.status)).toEqual([500, 200]);
    expect(hits('/providers/microsoft.network/networksecuritygroups?').map((r) => r.status)).toEqual(['reset', 200]);
    expect(result.design.elements.filter((e) => e.kind === 'vnet')).toHaveLength(2);
  });

  it('fails when no group can be read, naming each group and why', async () => {
    const { connection } = await serve([{ pathIncludes: '/resourcegroups/', status: 403, times: 1000 }]);
    const error = await readLiveDesign(connection, { scopes: [{ subscriptionId: SUB, resourceGroups: ['rg-casemgmt-network', 'rg-casemgmt-policy'] }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AzureImportError);
    expect((error as Error).message).toMatch(/rg-casemgmt-network: HTTP 403[\s\S]*rg-casemgmt-policy: HTTP 403/);
  });

  it('follows nextLink on every list when the server pages one item at a time', async () => {
    const { server, connection } = await serve([], 1);
    const result = await readLiveDesign(connection, { scopes: [{ subscriptionId: SUB, resourceGroups: ['rg-casemgmt-network', 'rg-casemgmt-policy'] }] });
    expect(result.design.elements).toHaveLength(24);
    const paged = server.requests.filter((r) => r.url.includes('skiptoken')).map((r) => new URL(r.url, 'https://x').pathname.split('/').pop());
    for (const list of ['virtualNetworks', 'natGateways', 'networkSecurityGroups', 'privateEndpoints', 'privateDnsZones', 'virtualNetworkLinks', 'networkWatchers']) {
      expect(paged).toContain(list);
    }
  });

  it('stops at once when cancelled, without reporting the group as failed', async () => {
    const { connection } = await serve([{ pathIncludes: '/providers/microsoft.network/virtualnetworks', status: 429, times: 1, retryAfterSeconds: 20 }]);
    const abort = new AbortController();
    const started = Date.now();
    setTimeout(() => abort.abort(), 300);
    const error = await readLiveDesign({ ...connection, signal: abort.signal }, { scopes: [{ subscriptionId: SUB, resourceGroups: ['rg-casemgmt-network'] }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
