// NSG semantics case by case, as Azure documents them: priority order, first match, default rules,
// service tags, port ranges and lists.
import { describe, expect, it } from 'vitest';
import type { NsgRule } from '../../../src/core/model/schema';
import { tryCidr } from '../../../src/core/net/cidr';
import type { Endpoint, TagContext } from '../../../src/core/verify/addresses';
import { evaluateNsg, parsePorts } from '../../../src/core/verify/nsg';

const range = (text: string): Endpoint => ({ kind: 'range', cidr: tryCidr(text)! });
const ctx: TagContext = { virtualNetwork: [tryCidr('10.10.0.0/16')!, tryCidr('10.20.0.0/16')!] };
const rule = (over: Partial<NsgRule>): NsgRule => ({
  name: 'r', priority: 100, direction: 'Outbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '*', ...over,
});
const out = (rules: NsgRule[], dst: Endpoint, port = 443, protocol: 'Tcp' | 'Udp' = 'Tcp', src: Endpoint = range('10.10.1.0/24')) =>
  evaluateNsg(rules, 'Outbound', { protocol, src, dst, ports: [port, port] }, ctx);

describe('default rules', () => {
  it('allow VNet to VNet (peered spaces are in the VirtualNetwork tag)', () => {
    const d = out([], range('10.20.2.0/24'));
    expect([d.access, d.rule.rule.name]).toEqual(['Allow', 'AllowVnetOutBound']);
  });
  it('allow outbound to the internet, deny private space outside the tag', () => {
    expect(out([], { kind: 'public' }).rule.rule.name).toBe('AllowInternetOutBound');
    const d = out([], range('10.99.0.0/24'));
    expect([d.access, d.rule.rule.name]).toEqual(['Deny', 'DenyAllOutBound']);
  });
  it('inbound: VNet allowed, internet denied', () => {
    const inbound = (src: Endpoint) => evaluateNsg([], 'Inbound', { protocol: 'Tcp', src, dst: range('10.10.2.0/24'), ports: [443, 443] }, ctx);
    expect(inbound(range('10.20.1.0/24')).rule.rule.name).toBe('AllowVnetInBound');
    expect(inbound({ kind: 'public' }).rule.rule.name).toBe('DenyAllInBound');
  });
  it('a UDR to 0.0.0.0/0 puts everything in the VirtualNetwork tag', () => {
    const forced: TagContext = { virtualNetwork: [...ctx.virtualNetwork, tryCidr('0.0.0.0/0')!] };
    const d = evaluateNsg([], 'Outbound', { protocol: 'Tcp', src: range('10.10.1.0/24'), dst: range('10.99.0.0/24'), ports: [443, 443] }, forced);
    expect(d.rule.rule.name).toBe('AllowVnetOutBound');
  });
});

describe('user rules', () => {
  it('the lowest priority number wins, whatever the order in the list', () => {
    const rules = [rule({ name: 'allow', priority: 200, access: 'Allow' }), rule({ name: 'deny', priority: 100 })];
    expect(out(rules, range('10.20.2.0/24')).rule.rule.name).toBe('deny');
  });
  it('matches protocol, port ranges and lists', () => {
    const rules = [rule({ name: 'https', protocol: 'Tcp', destinationPortRange: '80,443-445', access: 'Allow' }), rule({ name: 'deny', priority: 200 })];
    expect(out(rules, { kind: 'public' }, 444).rule.rule.name).toBe('https');
    expect(out(rules, { kind: 'public' }, 53, 'Udp').rule.rule.name).toBe('deny');
    expect(out(rules, { kind: 'public' }, 8080).rule.rule.name).toBe('deny');
  });
  it('an unknown port against a port rule is unknown; against * it is decided', () => {
    const rules = [rule({ name: 'https', destinationPortRange: '443', access: 'Allow' })];
    expect(evaluateNsg(rules, 'Outbound', { protocol: 'Tcp', src: range('10.10.1.0/24'), dst: range('192.168.0.0/16'), ports: [0, 65535] }, ctx).access).toBe('unknown');
    expect(evaluateNsg([rule({})], 'Outbound', { protocol: 'Tcp', src: range('10.10.1.0/24'), dst: range('192.168.0.0/16'), ports: [0, 65535] }, ctx).access).toBe('Deny');
  });
  it('a range half inside a rule is split: both halves allowed is allowed', () => {
    const rules = [rule({ name: 'lo', destinationAddressPrefix: '10.99.0.0/25', access: 'Allow' }), rule({ name: 'hi', priority: 110, destinationAddressPrefix: '10.99.0.128/25', access: 'Allow' })];
    expect(out(rules, range('10.99.0.0/24')).access).toBe('Allow');
    expect(out(rules.slice(0, 1), range('10.99.0.0/24')).access).toBe('unknown');
  });
  it('service tags: Internet, AzureCloud, a service tag with its region', () => {
    const kv: Endpoint = { kind: 'public', serviceType: 'keyVault', region: 'westeurope' };
    const denyTag = (tag: string) => [rule({ name: tag, destinationAddressPrefix: tag })];
    expect(out(denyTag('Internet'), kv).rule.rule.name).toBe('Internet');
    expect(out(denyTag('AzureCloud'), kv).rule.rule.name).toBe('AzureCloud');
    expect(out(denyTag('AzureKeyVault.westeurope'), kv).rule.rule.name).toBe('AzureKeyVault.westeurope');
    expect(out(denyTag('AzureKeyVault.northeurope'), kv).rule.rule.name).toBe('AllowInternetOutBound');
    expect(out(denyTag('Storage'), kv).rule.rule.name).toBe('AllowInternetOutBound');
    // An internet host the design only names: whether it is in AzureCloud is unknown.
    expect(out(denyTag('AzureCloud'), { kind: 'public' }).access).toBe('unknown');
    // Service tags hold public ranges only, never a VNet's private space.
    expect(out(denyTag('Sql'), range('10.20.2.0/24')).rule.rule.name).toBe('AllowVnetOutBound');
  });
  it('Azure DNS: AzurePlatformDNS can block it; the VirtualNetwork tag covers it', () => {
    expect(out([rule({ name: 'nodns', destinationAddressPrefix: 'AzurePlatformDNS' })], { kind: 'azureDns' }, 53, 'Udp').access).toBe('Deny');
    expect(out([], { kind: 'azureDns' }, 53, 'Udp').rule.rule.name).toBe('AllowVnetOutBound');
  });
  it('an unknown source address leaves address rules unknown', () => {
    const d = out([rule({ sourceAddressPrefix: '10.10.1.0/24' })], range('10.20.0.0/24'), 443, 'Tcp', { kind: 'unknown' });
    expect(d.access).toBe('unknown');
  });
});

describe('port ranges', () => {
  it('parses Azure forms and refuses malformed ones', () => {
    expect(parsePorts('*')).toEqual([[0, 65535]]);
    expect(parsePorts('80, 1000-2000')).toEqual([[80, 80], [1000, 2000]]);
    expect(parsePorts('2000-1000')).toBeUndefined();
    expect(parsePorts('http')).toBeUndefined();
  });
});
