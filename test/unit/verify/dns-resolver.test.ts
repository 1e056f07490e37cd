// The verifier's DNS hop with an Azure DNS Private Resolver: custom DNS set to the resolver's inbound
// endpoint is Azure DNS in the resolver's VNet; forwarding rulesets linked to a VNet send matching domains
// through the outbound endpoint, judged on the network; what the design does not hold stays unknown.
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../src/core/model/schema';
import { verifyDesign } from '../../../src/core/verify/verify-design';
import { edited, loadFixture, removeRelations, set } from '../support/designs';
import { add, relate, updateRelation } from '../rules/ppv-fixtures';

const hybrid = loadFixture('hybrid-dns');
const onPremDns = loadFixture('custom-dns-onprem');
const PRIMARY = 'policy-eu/snet-pp-weu->pe-kv';
const FAILOVER = 'policy-eu/snet-pp-neu->pe-kv';

function dnsHop(d: Design, id: string) {
  const f = verifyDesign(d).find((x) => x.id === id);
  if (!f) throw new Error(`no flow ${id}`);
  const hop = f.hops.find((h) => h.kind === 'dns');
  if (!hop) throw new Error(`flow ${id} has no DNS hop`);
  return { flow: f, hop };
}

type Rule = { name: string; domainName: string; targetDnsServers: { ipAddress: string; port?: number }[]; enabled?: boolean };
/** The forwarding rules of a ruleset (the hub's by default), replacing its rules. */
const rules = (...r: Rule[]) => set('dnsfrs-hub', { rules: r });
const spokeRules = (...r: Rule[]) => set('dnsfrs-spoke', { rules: r });
/**
 * The spokes back on Azure-provided DNS, with a ruleset of their own linked to the primary spoke and forwarding
 * through the hub resolver (the hub's ruleset must not be linked to spokes whose rule targets the hub's inbound
 * endpoint: the hub would forward the query to itself).
 */
const azureDnsSpoke = [
  set('vnet-weu', { dnsServers: [] }),
  set('vnet-neu', { dnsServers: [] }),
  add([{ id: 'dnsfrs-spoke', kind: 'dnsForwardingRuleset', name: 'dnsfrs-spokes-weu', region: 'westeurope', rules: [] }], [
    { id: 'dnsfrs-spoke-out', kind: 'rulesetOutbound', from: 'dnsfrs-spoke', to: 'dnspr-hub' },
    { id: 'dnsfrs-spoke-link', kind: 'rulesetLink', from: 'dnsfrs-spoke', to: 'vnet-weu' },
  ]),
] as const;

describe('custom DNS set to the resolver inbound endpoint', () => {
  it('hybrid-dns: both delegated VNets are answered by Azure DNS in the hub, where the vault zone is linked', () => {
    for (const id of [PRIMARY, FAILOVER]) {
      const { flow, hop } = dnsHop(hybrid, id);
      expect(flow.verdict).toBe('reachable');
      expect(hop).toMatchObject({ verdict: 'reachable', elementId: 'dnspr-hub' });
      expect(hop.text).toMatch(/DNS private resolver "dnspr-hub-weu" \(dnspr-hub\) \(Azure DNS in VNet "vnet-hub-weu".*zone 'privatelink.vaultcore.azure.net'/);
    }
  });
  it('the zone not linked to the hub: the resolver answers with the public address (blocked, naming the resolver)', () => {
    const { flow, hop } = dnsHop(edited(hybrid, removeRelations('dns-vault-hub')), PRIMARY);
    expect(flow.verdict).toBe('blocked');
    expect(flow.deciding).toBe(hop);
    expect(hop).toMatchObject({ verdict: 'blocked', elementId: 'dnspr-hub' });
    expect(hop.text).toMatch(/not linked to VNet "vnet-hub-weu"/);
  });
  it('the zone linked only to the spoke does not count: the resolver answers in its own VNet', () => {
    const d = edited(hybrid, removeRelations('dns-vault-hub'), relate({ id: 'dns-vault-weu', kind: 'dnsZoneLink', from: 'dns-vault', to: 'vnet-weu' }));
    expect(dnsHop(d, PRIMARY).hop.verdict).toBe('blocked');
  });
  it('an inbound endpoint without a static address: whether the server is the endpoint is unknown', () => {
    const { hop } = dnsHop(edited(hybrid, updateRelation('dnspr-in', { privateIpAddress: undefined })), PRIMARY);
    expect(hop).toMatchObject({ verdict: 'unknown', elementId: 'dnspr-hub' });
    expect(hop.text).toMatch(/address is dynamic/);
  });
  it('a hub ruleset forwarding the privatelink zone to on-premises: the resolver answers as the rule says', () => {
    const d = edited(hybrid, rules({ name: 'pl', domainName: 'privatelink.vaultcore.azure.net.', targetDnsServers: [{ ipAddress: '192.168.1.4', port: 53 }] }));
    const { hop } = dnsHop(d, PRIMARY);
    expect(hop).toMatchObject({ verdict: 'unknown', elementId: 'dnsfrs-hub', property: 'rules' });
    expect(hop.text).toMatch(/Rule 'pl'.*forwards to 192\.168\.1\.4:53, a DNS server in on-premises network "Contoso datacenter"/);
  });
  it('a disabled rule, or one for another domain, does not apply', () => {
    const other = edited(hybrid, rules({ name: 'pl', domainName: 'privatelink.vaultcore.azure.net.', targetDnsServers: [{ ipAddress: '192.168.1.4' }], enabled: false }, { name: 'corp', domainName: 'corp.contoso.com.', targetDnsServers: [{ ipAddress: '192.168.1.4' }] }));
    expect(dnsHop(other, PRIMARY).hop).toMatchObject({ verdict: 'reachable', elementId: 'dnspr-hub' });
  });
  it('a ruleset whose rules are not known may forward the zone: unknown', () => {
    const { hop } = dnsHop(edited(hybrid, set('dnsfrs-hub', { rules: undefined })), PRIMARY);
    expect(hop).toMatchObject({ verdict: 'unknown', elementId: 'dnsfrs-hub', property: 'rules' });
  });
  it('a hub rule forwarding the zone back to the hub inbound endpoint is a loop: unknown', () => {
    const d = edited(hybrid, rules({ name: 'loop', domainName: 'vaultcore.azure.net', targetDnsServers: [{ ipAddress: '10.150.0.4' }] }));
    expect(dnsHop(d, PRIMARY).hop.text).toMatch(/forwarding loop/);
    expect(dnsHop(d, PRIMARY).hop.verdict).toBe('unknown');
  });
});

describe('custom DNS on-premises without conditional forwarding to the resolver', () => {
  it('custom-dns-onprem: what the datacenter DNS answers for the vault zone is not in the design', () => {
    for (const id of [PRIMARY, FAILOVER]) {
      const { flow, hop } = dnsHop(onPremDns, id);
      expect(flow.verdict).toBe('unknown');
      expect(hop).toMatchObject({ verdict: 'unknown', elementId: 'vnet-weu'.replace('weu', id.includes('neu') ? 'neu' : 'weu'), property: 'dnsServers' });
      expect(hop.text).toMatch(/custom DNS server 192\.168\.1\.4, a DNS server in on-premises network "Contoso datacenter" \(onprem\); whether it resolves zone 'privatelink.vaultcore.azure.net' privately/);
    }
  });
  it('the DNS server itself is reached through the hub gateway', () => {
    const f = verifyDesign(onPremDns).find((x) => x.id === 'policy-eu/snet-pp-weu->dns:192.168.1.4');
    expect(f?.verdict).toBe('reachable');
  });
});

describe('Azure-provided DNS with a forwarding ruleset linked to the delegated VNet', () => {
  it('a rule sending the privatelink zone to the hub inbound endpoint: answered in the hub (reachable, naming the ruleset)', () => {
    const d = edited(hybrid, ...azureDnsSpoke, spokeRules({ name: 'pl-vault', domainName: 'privatelink.vaultcore.azure.net.', targetDnsServers: [{ ipAddress: '10.150.0.4', port: 53 }] }));
    const { hop } = dnsHop(d, PRIMARY);
    expect(hop).toMatchObject({ verdict: 'reachable', elementId: 'dnsfrs-spoke', property: 'rules' });
    expect(hop.text).toMatch(/Rule 'pl-vault' \(privatelink.vaultcore.azure.net.\) of DNS forwarding ruleset "dnsfrs-spokes-weu" \(dnsfrs-spoke\), linked to VNet "vnet-pp-weu" \(vnet-weu\), forwards to 10\.150\.0\.4:53: DNS private resolver/);
    // The failover VNet has no ruleset and no zone link: Azure DNS there answers with the public address.
    expect(dnsHop(d, FAILOVER).hop).toMatchObject({ verdict: 'blocked', elementId: 'dns-vault' });
  });
  it('the most specific rule wins over a broader one', () => {
    const d = edited(hybrid, ...azureDnsSpoke, spokeRules(
      { name: 'all', domainName: '.', targetDnsServers: [{ ipAddress: '192.168.1.4' }] },
      { name: 'pl-vault', domainName: 'privatelink.vaultcore.azure.net.', targetDnsServers: [{ ipAddress: '10.150.0.4' }] },
    ));
    expect(dnsHop(d, PRIMARY).hop.text).toMatch(/Rule 'pl-vault'/);
  });
  it('a rule forwarding to on-premises the outbound endpoint cannot reach (no gateway connection) is blocked', () => {
    const d = edited(hybrid, ...azureDnsSpoke, removeRelations('vpn-onprem'), spokeRules({ name: 'pl', domainName: 'vaultcore.azure.net.', targetDnsServers: [{ ipAddress: '192.168.1.4' }] }));
    const { flow, hop } = dnsHop(d, PRIMARY);
    expect(flow.verdict).toBe('blocked');
    expect(hop).toMatchObject({ verdict: 'blocked', elementId: 'dnsfrs-spoke', property: 'rules' });
    expect(hop.text).toMatch(/forwards to 192\.168\.1\.4:53, which the outbound endpoint cannot reach/);
  });
  it('a ruleset forwarding through a resolver without an outbound endpoint: unknown', () => {
    const d = edited(hybrid, ...azureDnsSpoke, removeRelations('dnspr-out'), spokeRules({ name: 'pl', domainName: 'vaultcore.azure.net.', targetDnsServers: [{ ipAddress: '10.150.0.4' }] }));
    expect(dnsHop(d, PRIMARY).hop).toMatchObject({ verdict: 'unknown', elementId: 'dnsfrs-spoke' });
    expect(dnsHop(d, PRIMARY).hop.text).toMatch(/no outbound endpoint/);
  });
  it('targets judged differently make the hop unknown', () => {
    const d = edited(hybrid, ...azureDnsSpoke, spokeRules({ name: 'pl', domainName: 'vaultcore.azure.net.', targetDnsServers: [{ ipAddress: '10.150.0.4' }, { ipAddress: '192.168.1.4' }] }));
    expect(dnsHop(d, PRIMARY).hop).toMatchObject({ verdict: 'unknown' });
    expect(dnsHop(d, PRIMARY).hop.text).toMatch(/judged differently \(reachable, unknown\)/);
  });
});
