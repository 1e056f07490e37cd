// Azure Firewall in the verifier: the policy evaluator case by case (processing order, first match, default
// deny, FQDNs, unknowns), and the hub-and-spoke sample whose forced tunnel passes each flow through a firewall.
import { describe, expect, it } from 'vitest';
import type { Design, ElementOf, FirewallRuleCollectionGroup } from '../../../src/core/model/schema';
import { tryCidr } from '../../../src/core/net/cidr';
import { evaluateFirewall, fqdnMatches, type FirewallPacket } from '../../../src/core/verify/firewall';
import { verifyDesign } from '../../../src/core/verify/verify-design';
import { edited, loadSample, set } from '../support/designs';

const range = (text: string) => ({ kind: 'range' as const, cidr: tryCidr(text)! });
const packet = (over: Partial<FirewallPacket> = {}): FirewallPacket => ({ protocol: 'Tcp', src: range('10.10.1.0/24'), dst: range('10.0.2.0/24'), ports: [443, 443], ...over });
const https = [{ protocolType: 'Https' as const, port: 443 }];
const net = (name: string, ports: string[], dst: string[], extra: object = {}) => ({ name, sourceAddresses: ['*'], protocols: ['TCP' as const], destinationAddresses: dst, destinationPorts: ports, ...extra });
const app = (name: string, fqdns: string[], extra: object = {}) => ({ name, sourceAddresses: ['*'], protocols: https, targetFqdns: fqdns, ...extra });

describe('Azure Firewall policy evaluation', () => {
  it('denies by default when no rule matches, and with no rules at all', () => {
    expect(evaluateFirewall([], packet())).toMatchObject({ access: 'Deny' });
    expect(evaluateFirewall([{ name: 'g', priority: 100, ruleCollections: [{ name: 'c', priority: 100, action: 'Allow', ruleType: 'network', rules: [net('r', ['1433'], ['*'])] }] }], packet()).rule).toBeUndefined();
  });
  it('processes network rules before application rules, whatever the priorities', () => {
    const groups: FirewallRuleCollectionGroup[] = [
      { name: 'first', priority: 100, ruleCollections: [{ name: 'allow-app', priority: 100, action: 'Allow', ruleType: 'application', rules: [app('kv', ['*.vault.azure.net'])] }] },
      { name: 'last', priority: 60000, ruleCollections: [{ name: 'deny-net', priority: 65000, action: 'Deny', ruleType: 'network', rules: [net('all-https', ['443'], ['*'])] }] },
    ];
    const d = evaluateFirewall(groups, packet({ host: 'kv1.vault.azure.net' }));
    expect(d).toMatchObject({ access: 'Deny', rule: { groupName: 'last', collectionName: 'deny-net', ruleName: 'all-https', path: { group: 1, collection: 0, rule: 0 } } });
  });
  it('orders groups, then collections, by priority, and the first match wins', () => {
    const groups: FirewallRuleCollectionGroup[] = [
      { name: 'late', priority: 300, ruleCollections: [{ name: 'allow', priority: 100, action: 'Allow', ruleType: 'network', rules: [net('a', ['*'], ['10.0.0.0/8'])] }] },
      { name: 'early', priority: 200, ruleCollections: [
        { name: 'allow-second', priority: 500, action: 'Allow', ruleType: 'network', rules: [net('b', ['443'], ['10.0.2.0/24'])] },
        { name: 'deny-first', priority: 400, action: 'Deny', ruleType: 'network', rules: [net('c', ['400-500'], ['10.0.0.0/16'])] },
      ] },
    ];
    expect(evaluateFirewall(groups, packet()).rule).toMatchObject({ groupName: 'early', collectionName: 'deny-first', ruleName: 'c' });
    // The deny collection does not cover port 80: the allow in the later group takes it.
    expect(evaluateFirewall(groups, packet({ ports: [80, 80] }))).toMatchObject({ access: 'Allow', rule: { groupName: 'late' } });
  });
  it('application rules match the host name and the protocol port, and only TCP', () => {
    const groups: FirewallRuleCollectionGroup[] = [{ name: 'g', priority: 100, ruleCollections: [{ name: 'c', priority: 100, action: 'Allow', ruleType: 'application', rules: [app('kv', ['*.vault.azure.net'])] }] }];
    expect(evaluateFirewall(groups, packet({ host: 'kv1.vault.azure.net' })).access).toBe('Allow');
    expect(evaluateFirewall(groups, packet({ host: 'kv1.database.windows.net' })).access).toBe('Deny');
    expect(evaluateFirewall(groups, packet({ host: 'kv1.vault.azure.net', ports: [1433, 1433] })).access).toBe('Deny');
    expect(evaluateFirewall(groups, packet({ host: 'kv1.vault.azure.net', protocol: 'Udp' })).access).toBe('Deny');
    // Without a host name an allowing FQDN rule may or may not match: unknown, never a guess.
    expect(evaluateFirewall(groups, packet())).toMatchObject({ access: 'unknown', rule: { ruleName: 'kv' } });
  });
  it('splits a source range a rule covers in part, and agrees only when both halves do', () => {
    const only = (src: string, action: 'Allow' | 'Deny'): FirewallRuleCollectionGroup[] => [{ name: 'g', priority: 100, ruleCollections: [{ name: 'c', priority: 100, action, ruleType: 'network', rules: [{ ...net('half', ['443'], ['*']), sourceAddresses: [src] }] }] }];
    expect(evaluateFirewall(only('10.10.1.0/25', 'Allow'), packet()).access).toBe('unknown');
    // Half denied by the rule, half by default: denied either way, and the rule is named.
    expect(evaluateFirewall(only('10.10.1.0/25', 'Deny'), packet())).toMatchObject({ access: 'Deny', rule: { ruleName: 'half' } });
  });
  it('matches FQDN patterns as Azure does', () => {
    expect(fqdnMatches('*.contoso.com', 'api.contoso.com')).toBe(true);
    expect(fqdnMatches('*.contoso.com', 'contoso.com')).toBe(false);
    expect(fqdnMatches('API.Contoso.com', 'api.contoso.com.')).toBe(true);
    expect(fqdnMatches('api.contoso.com', 'api.contoso.com.evil.net')).toBe(false);
  });
});

const hub = loadSample('hub-firewall');
const flow = (d: Design, id: string) => {
  const f = verifyDesign(d).find((x) => x.id === id);
  if (!f) throw new Error(`no flow ${id}`);
  return f;
};
const firewallOf = (d: Design, id: string) => d.elements.find((e): e is ElementOf<'firewall'> => e.id === id && e.kind === 'firewall')!;

describe('the hub-and-spoke sample with Azure Firewall', () => {
  it('names the firewall rule that blocks the Fabrikam API, on both sides', () => {
    for (const side of ['weu', 'neu']) {
      const f = flow(hub, `policy-prod/snet-pp-${side}->internet:api.fabrikam.com`);
      expect(f.verdict).toBe('blocked');
      expect(f.deciding).toMatchObject({ kind: 'firewall', elementId: `afw-${side}`, property: 'ruleCollectionGroups', item: [0, 1, 0] });
      expect(f.deciding?.text).toMatch(/denies TCP 443 to api\.fabrikam\.com by application rule 'rcg-powerplatform\/app-deny-untrusted\/deny-fabrikam'/);
      // The packet took the forced tunnel to the firewall first.
      expect(f.hops.map((h) => h.kind)).toEqual(['subnet', 'nsg', 'route', 'firewall']);
    }
  });
  it('lets the other flows through the firewall by the rule that allows them, then onwards', () => {
    const kv = flow(hub, 'policy-prod/snet-pp-neu->pe-kv');
    expect(kv.verdict).toBe('reachable');
    expect(kv.hops.find((h) => h.kind === 'firewall')).toMatchObject({ elementId: 'afw-neu', item: [0, 2, 0] });
    expect(kv.hops.at(-1)).toMatchObject({ kind: 'privateEndpoint', elementId: 'pe-kv' });
    expect(flow(hub, 'policy-prod/snet-pp-weu->pe-sql').hops.find((h) => h.kind === 'firewall')?.text).toMatch(/network rule 'rcg-powerplatform\/net-allow-sql/);
    const contoso = flow(hub, 'policy-prod/snet-pp-weu->internet:api.contoso.com');
    expect(contoso.verdict).toBe('reachable');
    expect(contoso.hops.at(-1)).toMatchObject({ kind: 'internet', elementId: 'afw-weu' });
  });
  it('with the deny rule gone, the Fabrikam call falls to the default deny', () => {
    const groups = structuredClone(firewallOf(hub, 'afw-weu').ruleCollectionGroups!);
    groups[0]!.ruleCollections.splice(1, 1);
    const f = flow(edited(hub, set('afw-weu', { ruleCollectionGroups: groups })), 'policy-prod/snet-pp-weu->internet:api.fabrikam.com');
    expect(f.deciding).toMatchObject({ kind: 'firewall', verdict: 'blocked', elementId: 'afw-weu' });
    expect(f.deciding?.item).toBeUndefined();
    expect(f.deciding?.text).toMatch(/no rule allows TCP 443 to api\.fabrikam\.com.*denies it by default/);
  });
  it('a network virtual appliance, or a policy whose rules are not known, is unknown', () => {
    const nva = flow(edited(hub, set('afw-weu', { appliance: 'nva' })), 'policy-prod/snet-pp-weu->internet:api.fabrikam.com');
    expect(nva.verdict).toBe('unknown');
    expect(nva.deciding).toMatchObject({ kind: 'firewall', elementId: 'afw-weu' });
    expect(flow(edited(hub, set('afw-weu', { ruleCollectionGroups: undefined })), 'policy-prod/snet-pp-weu->pe-kv').verdict).toBe('unknown');
  });
  it('judges each private endpoint by its own host when FQDN rules decide', () => {
    // Key Vault is allowed by an application rule for its host; a second endpoint in the same subnet for a
    // service the rules do not name is denied, though both are traced to the same subnet.
    const d = edited(hub, { op: 'addElements', elements: [
      { id: 'st-x', kind: 'azureService', name: 'stclaimsdocs', serviceType: 'storageAccount', publicNetworkAccess: false },
      { id: 'pe-st', kind: 'privateEndpoint', name: 'pe-st', groupId: 'blob' },
    ], relations: [
      { id: 'pe-st-t', kind: 'peTarget', from: 'pe-st', to: 'st-x' },
      { id: 'pe-st-s', kind: 'peSubnet', from: 'pe-st', to: 'snet-pe-weu' },
      { id: 'ct-st', kind: 'connectorTarget', from: 'conn-kv', to: 'st-x' },
    ] });
    expect(flow(d, 'policy-prod/snet-pp-weu->pe-kv').verdict).toBe('reachable');
    expect(flow(d, 'policy-prod/snet-pp-weu->pe-st').hops.find((h) => h.kind === 'firewall')).toMatchObject({ verdict: 'blocked' });
    expect(flow(d, 'policy-prod/snet-pp-weu->pe-st').hops.find((h) => h.kind === 'firewall')?.text).toMatch(/no rule allows TCP 443 to stclaimsdocs\.blob\.core\.windows\.net/);
  });
});
