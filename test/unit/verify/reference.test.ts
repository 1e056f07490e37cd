// Property tests: on concrete ranges the verifier's NSG and route evaluation agree with the reference
// evaluator run on every single packet of the range (allow/deny/route when all packets agree, unknown
// when they do not).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FirewallRuleCollectionGroup, NsgRule } from '../../../src/core/model/schema';
import { formatIpv4, tryCidr, type Cidr } from '../../../src/core/net/cidr';
import { evaluateFirewall } from '../../../src/core/verify/firewall';
import { evaluateNsg } from '../../../src/core/verify/nsg';
import { selectRoute, type EffectiveRoute } from '../../../src/core/verify/routes';
import { referenceFirewall, referenceNsg, referenceRoute } from './reference-evaluator';

// A small address world, 10.0.0.0/26, so every packet of a range can be enumerated.
const BASE = 0x0a000000;
const cidrArb = (minLen: number) =>
  fc.tuple(fc.integer({ min: minLen, max: 32 }), fc.integer({ min: 0, max: 63 })).map(([len, off]) => {
    const size = 2 ** (32 - len);
    const start = BASE + Math.floor(off / size) * size;
    return tryCidr(`${formatIpv4(start)}/${len}`)!;
  });
const portRangeArb = fc.oneof(
  fc.constant('*'),
  fc.integer({ min: 1, max: 12 }).map(String),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 6 })).map(([a, d]) => `${a}-${a + d}`),
);
const prefixArb = fc.oneof(fc.constant('*'), fc.constant('VirtualNetwork'), cidrArb(26).map((c) => c.text), cidrArb(30).map((c) => formatIpv4(c.start)));
const ruleArb = fc.record({
  name: fc.constant('r'),
  priority: fc.integer({ min: 100, max: 4096 }),
  direction: fc.constantFrom('Inbound' as const, 'Outbound' as const),
  access: fc.constantFrom('Allow' as const, 'Deny' as const),
  protocol: fc.constantFrom('Tcp' as const, 'Udp' as const, '*' as const),
  sourceAddressPrefix: prefixArb,
  sourcePortRange: fc.constant('*'),
  destinationAddressPrefix: prefixArb,
  destinationPortRange: portRangeArb,
}) as fc.Arbitrary<NsgRule>;

const each = (c: Cidr) => Array.from({ length: c.size }, (_, i) => c.start + i);

describe('NSG evaluation agrees with the per-packet reference', () => {
  it('on random rules, ranges and port spans', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { maxLength: 6 }),
        fc.constantFrom('Inbound' as const, 'Outbound' as const),
        fc.constantFrom('Tcp' as const, 'Udp' as const),
        cidrArb(28),
        cidrArb(29),
        fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 4 })),
        fc.array(cidrArb(27), { maxLength: 2 }),
        (rules, direction, protocol, src, dst, [lo, span], vnet) => {
          const got = evaluateNsg(rules, direction, { protocol, src: { kind: 'range', cidr: src }, dst: { kind: 'range', cidr: dst }, ports: [lo, lo + span] }, { virtualNetwork: vnet });
          const outcomes = new Set<string>();
          for (const s of each(src)) for (const d of each(dst)) for (let p = lo; p <= lo + span; p++) {
            outcomes.add(referenceNsg(rules, direction, protocol, s, d, p, vnet.map((c) => [c.start, c.end])));
          }
          expect(got.access).toBe(outcomes.size === 1 ? [...outcomes][0] : 'unknown');
        },
      ),
      { numRuns: 400 },
    );
  });
});

const routeArb = fc.record({
  cidr: fc.oneof(cidrArb(24), fc.constant(tryCidr('0.0.0.0/0')!), fc.constant(tryCidr('10.0.0.0/8')!)),
  hop: fc.constantFrom('VnetLocal', 'None', 'VirtualAppliance', 'Internet', 'VirtualNetworkGateway') as fc.Arbitrary<EffectiveRoute['nextHop']>,
  source: fc.constantFrom('User' as const, 'Gateway' as const, 'Default' as const),
}).map(({ cidr, hop, source }): EffectiveRoute => ({ prefix: cidr, nextHop: hop, source, ref: {}, text: `${cidr.text} → ${hop} (${source})` }));

describe('route selection agrees with the per-address reference', () => {
  it('on random route sets and destination ranges', () => {
    fc.assert(
      fc.property(fc.array(routeArb, { minLength: 1, maxLength: 8 }), cidrArb(26), (routes, dst) => {
        const got = selectRoute(routes, { kind: 'range', cidr: dst });
        const hops = new Set(each(dst).map((ip) => referenceRoute(routes, ip)?.nextHop ?? 'none'));
        if (hops.size === 1 && !hops.has('none')) {
          expect(got.kind).toBe('route');
          if (got.kind === 'route') expect(got.route.nextHop).toBe([...hops][0]);
        } else expect(got.kind).toBe('unknown');
      }),
      { numRuns: 400 },
    );
  });
});

const fwAddressArb = fc.oneof(fc.constant('*'), cidrArb(26).map((c) => c.text), cidrArb(30).map((c) => formatIpv4(c.start)));
const HOSTS = ['api.contoso.com', 'kv1.vault.azure.net', 'other.net'];
const fqdnArb = fc.constantFrom('*', 'api.contoso.com', '*.vault.azure.net', '*.net', 'nowhere.org');
const fwNetworkRuleArb = fc.record({
  name: fc.constant('n'),
  sourceAddresses: fc.array(fwAddressArb, { minLength: 1, maxLength: 2 }),
  protocols: fc.array(fc.constantFrom('TCP' as const, 'UDP' as const, 'ICMP' as const, 'Any' as const), { minLength: 1, maxLength: 2 }),
  destinationAddresses: fc.array(fwAddressArb, { maxLength: 2 }),
  destinationFqdns: fc.array(fqdnArb, { maxLength: 1 }),
  destinationPorts: fc.array(portRangeArb, { minLength: 1, maxLength: 2 }),
});
const fwApplicationRuleArb = fc.record({
  name: fc.constant('a'),
  sourceAddresses: fc.array(fwAddressArb, { minLength: 1, maxLength: 2 }),
  protocols: fc.array(fc.record({ protocolType: fc.constantFrom('Http' as const, 'Https' as const, 'Mssql' as const), port: fc.integer({ min: 1, max: 12 }) }), { minLength: 1, maxLength: 2 }),
  targetFqdns: fc.array(fqdnArb, { minLength: 1, maxLength: 2 }),
});
const fwCollectionArb = fc.oneof(
  fc.record({ name: fc.constant('cn'), priority: fc.integer({ min: 100, max: 400 }), action: fc.constantFrom('Allow' as const, 'Deny' as const), ruleType: fc.constant('network' as const), rules: fc.array(fwNetworkRuleArb, { maxLength: 3 }) }),
  fc.record({ name: fc.constant('ca'), priority: fc.integer({ min: 100, max: 400 }), action: fc.constantFrom('Allow' as const, 'Deny' as const), ruleType: fc.constant('application' as const), rules: fc.array(fwApplicationRuleArb, { maxLength: 3 }) }),
);
const fwGroupArb = fc.record({ name: fc.constant('g'), priority: fc.integer({ min: 100, max: 400 }), ruleCollections: fc.array(fwCollectionArb, { maxLength: 3 }) }) as fc.Arbitrary<FirewallRuleCollectionGroup>;

describe('Azure Firewall evaluation agrees with the per-packet reference', () => {
  it('on random policies, ranges, port spans and hosts', () => {
    fc.assert(
      fc.property(
        fc.array(fwGroupArb, { maxLength: 3 }),
        fc.constantFrom('Tcp' as const, 'Udp' as const),
        cidrArb(28),
        cidrArb(29),
        fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 4 })),
        fc.constantFrom(...HOSTS),
        (groups, protocol, src, dst, [lo, span], host) => {
          const got = evaluateFirewall(groups, { protocol, src: { kind: 'range', cidr: src }, dst: { kind: 'range', cidr: dst }, ports: [lo, lo + span], host });
          const outcomes = new Set<string>();
          for (const s of each(src)) for (const d of each(dst)) for (let p = lo; p <= lo + span; p++) outcomes.add(referenceFirewall(groups, protocol, s, d, p, host));
          expect(got.access).toBe(outcomes.size === 1 ? [...outcomes][0] : 'unknown');
        },
      ),
      { numRuns: 400 },
    );
  });
});
