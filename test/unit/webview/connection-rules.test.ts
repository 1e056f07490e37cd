// Connection validation on the canvas: allowed kinds, reversed drags, choices, single-relation limits.
import { describe, expect, it } from 'vitest';
import { judgeConnection, newRelation } from '../../../webview/model/connection-rules';
import { edited, loadFixture, loadSample, removeRelations } from '../support/designs';

describe('judgeConnection', () => {
  const seed = loadSample('seed');

  it('creates the only relation kind that fits', () => {
    const d = edited(seed, removeRelations(...seed.relations.filter((r) => r.kind === 'policyLink').map((r) => r.id)));
    expect(judgeConnection(d, 'env-prod', 'policy-prod')).toEqual({ ok: true, kind: 'policyLink', from: 'env-prod', to: 'policy-prod' });
  });

  it('turns a backwards drag around when only the other direction means something', () => {
    const d = edited(seed, removeRelations(...seed.relations.filter((r) => r.kind === 'policyLink').map((r) => r.id)));
    expect(judgeConnection(d, 'policy-prod', 'env-prod')).toMatchObject({ ok: true, kind: 'policyLink', from: 'env-prod', to: 'policy-prod' });
  });

  it('refuses kinds that cannot be connected, with the reason', () => {
    const r = judgeConnection(seed, 'env-prod', 'snet-pp-weu');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/power platform environment cannot be connected to a subnet/i);
    expect(judgeConnection(seed, 'kv', 'kv')).toMatchObject({ ok: false });
  });

  it('refuses a duplicate relation', () => {
    const link = seed.relations.find((r) => r.kind === 'policyLink')!;
    expect(judgeConnection(seed, link.from, link.to)).toMatchObject({ ok: false, reason: expect.stringMatching(/already/) });
  });

  it('enforces one NSG per subnet (singleTo)', () => {
    const nsgAssoc = seed.relations.find((r) => r.kind === 'nsgAssociation' && r.to === 'snet-pp-weu')!;
    const other = seed.elements.find((e) => e.kind === 'nsg' && e.id !== nsgAssoc.from)!;
    const r = judgeConnection(seed, other.id, 'snet-pp-weu');
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/already has a network security group/) });
  });

  it('enforces one subnet per private endpoint (singleFrom) and picks peSubnet for endpoint → subnet', () => {
    const r = judgeConnection(seed, 'pe-api', 'snet-pp-weu');
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/already is placed in/) });
    const freed = edited(seed, removeRelations(...seed.relations.filter((x) => x.kind === 'peSubnet' && x.from === 'pe-api').map((x) => x.id)));
    expect(judgeConnection(freed, 'pe-api', 'snet-pe-weu')).toMatchObject({ ok: true, kind: 'peSubnet' });
  });

  it('chooses secrets for connector → Key Vault and calls for other services', () => {
    const d = edited(seed, removeRelations(...seed.relations.filter((x) => x.from === 'conn-casemgmt').map((x) => x.id)));
    expect(judgeConnection(d, 'conn-casemgmt', 'kv')).toMatchObject({ ok: true, kind: 'connectorSecret' });
    expect(judgeConnection(d, 'conn-casemgmt', 'app-api')).toMatchObject({ ok: true, kind: 'connectorTarget' });
  });
});

describe('newRelation', () => {
  const seed = loadSample('seed');
  const bare = edited(seed, removeRelations(...seed.relations.filter((r) => r.kind === 'peering' || r.kind === 'dnsZoneLink' || r.kind === 'policyLink').map((r) => r.id)));
  const accepted = (from: string, to: string) => {
    const v = judgeConnection(bare, from, to);
    if (!v.ok) throw new Error(v.reason);
    return v;
  };

  it('gives a drawn peering every flag, as the reference architecture has them', () => {
    const seedPeering = seed.relations.find((r) => r.kind === 'peering' && r.from === 'vnet-weu')!;
    const { id: _seedId, ...expected } = seedPeering;
    const { id, ...drawn } = newRelation(bare, accepted('vnet-weu', 'vnet-neu'));
    expect(drawn).toEqual(expected);
    expect(bare.relations.some((r) => r.id === id) || bare.elements.some((e) => e.id === id)).toBe(false);
  });

  it('links a zone without auto-registration, and adds relations without properties bare', () => {
    expect(newRelation(bare, accepted('dns-vault', 'vnet-neu'))).toMatchObject({ kind: 'dnsZoneLink', from: 'dns-vault', to: 'vnet-neu', registrationEnabled: false });
    const link = newRelation(bare, accepted('env-prod', 'policy-prod'));
    expect(Object.keys(link).sort()).toEqual(['from', 'id', 'kind', 'to']);
  });
});

describe('judgeConnection: DNS private resolver endpoints', () => {
  const hybrid = loadFixture('hybrid-dns');
  const bare = edited(hybrid, removeRelations('dnspr-in', 'dnspr-out', 'dnsfrs-out'));
  it('a subnet named for its direction decides inbound or outbound', () => {
    expect(judgeConnection(bare, 'dnspr-hub', 'snet-dns-out')).toMatchObject({ ok: true, kind: 'resolverOutbound' });
    expect(judgeConnection(bare, 'snet-dns-in', 'dnspr-hub')).toMatchObject({ ok: true, kind: 'resolverInbound', from: 'dnspr-hub', to: 'snet-dns-in' });
  });
  it('otherwise the first endpoint is inbound and the next outbound', () => {
    expect(judgeConnection(bare, 'dnspr-hub', 'snet-pe')).toMatchObject({ ok: true, kind: 'resolverInbound' });
    expect(judgeConnection(edited(bare, { op: 'addRelation', relation: { id: 'in', kind: 'resolverInbound', from: 'dnspr-hub', to: 'snet-dns-in' } }), 'dnspr-hub', 'snet-pe')).toMatchObject({ ok: true, kind: 'resolverOutbound' });
  });
  it('a ruleset forwards through a resolver and is linked to VNets', () => {
    expect(judgeConnection(bare, 'dnsfrs-hub', 'dnspr-hub')).toMatchObject({ ok: true, kind: 'rulesetOutbound' });
    expect(judgeConnection(bare, 'vnet-weu', 'dnsfrs-hub')).toMatchObject({ ok: true, kind: 'rulesetLink', from: 'dnsfrs-hub', to: 'vnet-weu' });
  });
});
