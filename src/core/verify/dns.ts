// How a delegated subnet resolves a private endpoint's name. With Azure-provided DNS the query is answered
// in the subnet's own VNet: a forwarding ruleset linked there sends matching domains to its targets through
// a resolver's outbound endpoint, else the endpoint's private DNS zone must be linked to the VNet. A custom
// DNS server that is a resolver's inbound endpoint is Azure DNS in the resolver's VNet (its zone links and
// rulesets count); any other custom server, and what an on-premises server does, is not in the design.
import { forwardingRuleFor, inboundEndpoints, type RuleMatch } from '../model/dns-resolvers';
import type { ElementOf } from '../model/schema';
import type { Topology } from '../model/topology';
import { label, usesCustomDns } from '../rules/analysis/power-platform';
import { SERVICE_RESOURCE_TYPES, privateDnsZoneFor } from '../rules/analysis/private-dns-zones';
import { combine, type Hop, type Verdict } from './flow';
import { ipOf, type Network } from './network';
import { trace } from './trace';

/** The zone the endpoint registers in that its groupId calls for, or why there is none. */
export function endpointZone(t: Topology, pe: ElementOf<'privateEndpoint'>, service?: ElementOf<'azureService'>): { zone?: ElementOf<'privateDnsZone'>; expected?: string } {
  const resourceType = service === undefined ? undefined : service.serviceType === 'other' ? service.resourceType : SERVICE_RESOURCE_TYPES[service.serviceType];
  const expected = pe.groupId === undefined ? undefined : privateDnsZoneFor(pe.groupId, resourceType);
  const registered = t.targets(pe.id, 'peDnsZone', 'privateDnsZone');
  const zone = expected === undefined ? registered[0] : registered.find((z) => z.name.toLowerCase() === expected);
  return { ...(zone ? { zone } : {}), ...(expected ? { expected } : {}) };
}

/** One name resolution: the endpoint, its zone, and the VNets whose Azure DNS was already asked (a forwarding loop stops there). */
interface Query {
  readonly net: Network;
  readonly pe: ElementOf<'privateEndpoint'>;
  readonly zone?: ElementOf<'privateDnsZone'>;
  readonly expected?: string;
  readonly asked: string[]; // a list: a query meets a VNet or two
}

const dnsHop = (verdict: Verdict, text: string, ref: { elementId?: string; property?: string }): Hop => ({ kind: 'dns', verdict, ...ref, text });

export function resolveHop(net: Network, vnet: ElementOf<'vnet'>, pe: ElementOf<'privateEndpoint'>, service?: ElementOf<'azureService'>): Hop {
  const key = `${pe.id}\0${service?.id ?? ''}`;
  let found = net.zones.get(key);
  if (!found) net.zones.set(key, (found = endpointZone(net.t, pe, service)));
  const q: Query = { net, pe, ...found, asked: [] };
  return usesCustomDns(vnet) ? customServer(q, vnet) : azureDns(q, vnet);
}

const zoneText = (q: Query) => (q.zone ? `zone '${q.zone.name}'` : `the zone${q.expected ? ` '${q.expected}'` : ''}`);

/** Azure DNS answering in `vnet`, reached directly or through `resolver`'s inbound endpoint. */
function azureDns(q: Query, vnet: ElementOf<'vnet'>, resolver?: ElementOf<'dnsResolver'>): Hop {
  const t = q.net.t;
  const where = resolver ? `DNS private resolver ${label(resolver)} (Azure DNS in VNet ${label(vnet)})` : `Azure DNS in VNet ${label(vnet)}`;
  if (q.asked.includes(vnet.id)) return dnsHop('unknown', `The query for ${zoneText(q)} comes back to ${where}, a forwarding loop the design cannot resolve.`, { elementId: resolver?.id ?? vnet.id });
  q.asked.push(vnet.id);
  const name = q.zone?.name ?? q.expected;
  if (name !== undefined) {
    const rule = forwardingRuleFor(t, vnet.id, name);
    if (rule.unknownRuleset) return dnsHop('unknown', `DNS forwarding ruleset ${label(rule.unknownRuleset)} is linked to VNet ${label(vnet)} but its rules are not known; one may forward ${zoneText(q)}.`, { elementId: rule.unknownRuleset.id, property: 'rules' });
    if (rule.match) return forwarded(q, vnet, rule.match);
  }
  if (!q.zone) {
    return q.expected
      ? dnsHop('blocked', `Private endpoint ${label(q.pe)} registers in no private DNS zone '${q.expected}', so ${where} resolves its name to the public address.`, { elementId: q.pe.id, property: 'groupId' })
      : dnsHop('unknown', `The private DNS zone of private endpoint ${label(q.pe)} is not known (no groupId and no zone).`, { elementId: q.pe.id });
  }
  const linked = t.between('dnsZoneLink', q.zone.id, vnet.id) !== undefined;
  if (linked) return dnsHop('reachable', `${where} answers from private DNS zone '${q.zone.name}', which is linked to VNet ${label(vnet)}.`, { elementId: resolver?.id ?? q.zone.id });
  return dnsHop('blocked', `Private DNS zone '${q.zone.name}' is not linked to VNet ${label(vnet)}, so ${where} resolves private endpoint ${label(q.pe)} to the public address.`, { elementId: resolver?.id ?? q.zone.id });
}

/** A rule of a ruleset linked to `vnet` forwards the query: judge the path to each target and what answers there. */
function forwarded(q: Query, vnet: ElementOf<'vnet'>, m: RuleMatch): Hop {
  const t = q.net.t;
  const ref = { elementId: m.ruleset.id, property: 'rules' };
  const ruleText = `Rule '${m.rule.name}' (${m.rule.domainName}) of DNS forwarding ruleset ${label(m.ruleset)}, linked to VNet ${label(vnet)},`;
  const outbound = t.targets(m.ruleset.id, 'rulesetOutbound', 'dnsResolver').flatMap((r) => t.targets(r.id, 'resolverOutbound', 'subnet'));
  if (outbound.length === 0) return dnsHop('unknown', `${ruleText} forwards through no outbound endpoint of the design.`, ref);
  if (m.rule.targetDnsServers.length === 0) return dnsHop('blocked', `${ruleText} has no target DNS server, so the query is not answered.`, ref);
  const judged = m.rule.targetDnsServers.map((target) => {
    const port = target.port ?? 53;
    const server = `${target.ipAddress}:${port}`;
    const ip = ipOf(target.ipAddress);
    if (ip === undefined) return dnsHop('unknown', `${ruleText} forwards to '${target.ipAddress}', which is not an IPv4 address.`, ref);
    // Every outbound endpoint of the ruleset may carry the query: the path must hold from each of them.
    const paths = outbound.map((subnet) => {
      const key = `dns-forward\0${subnet.id}\0${ip}\0${port}`;
      let path = q.net.traces.get(key);
      if (!path) q.net.traces.set(key, (path = trace(q.net, subnet, { protocol: 'Udp', port, destination: { kind: 'address', cidr: { start: ip, end: ip, prefix: 32, size: 1, text: `${target.ipAddress}/32` }, ...q.net.onPremisesHolding(ip) } })));
      return path.hops;
    });
    const pathHops = paths.flat();
    const pathVerdict = combine(pathHops.map((h) => h.verdict));
    if (pathVerdict === 'blocked') return dnsHop('blocked', `${ruleText} forwards to ${server}, which the outbound endpoint cannot reach: ${pathHops.find((h) => h.verdict === 'blocked')!.text}`, ref);
    const answer = answerAt(q, ip, server, `${ruleText} forwards to ${server}`);
    if (pathVerdict === 'unknown' && answer.verdict !== 'blocked') return dnsHop('unknown', `${ruleText} forwards to ${server}; whether the outbound endpoint reaches it is unknown: ${pathHops.find((h) => h.verdict === 'unknown')!.text}`, ref);
    if (answer.verdict === 'reachable') return dnsHop('reachable', `${ruleText} forwards to ${server}: ${answer.text}`, ref);
    return answer.elementId === undefined ? { ...answer, ...ref } : answer;
  });
  const verdicts = judged.map((h) => h.verdict);
  if (verdicts.every((v) => v === verdicts[0])) return judged[0]!;
  return dnsHop('unknown', `${ruleText} forwards to several DNS servers judged differently (${verdicts.join(', ')}); which one answers is not in the design. ${judged.find((h) => h.verdict !== 'reachable')!.text}`, ref);
}

/**
 * What answers a query sent to `ip`: a resolver's inbound endpoint is Azure DNS in its VNet; anything else is
 * not in the design, and that hop names no element (the caller points at the setting that sent the query).
 */
function answerAt(q: Query, ip: number, server: string, how: string): Hop {
  const t = q.net.t;
  const endpoints = inboundEndpoints(t);
  const inbound = endpoints.find((e) => e.relation.privateIpAddress !== undefined && ipOf(e.relation.privateIpAddress) === ip);
  if (inbound) {
    const vnet = t.get(inbound.resolver.parent, 'vnet');
    if (!vnet) return dnsHop('unknown', `${how}, the inbound endpoint of DNS private resolver ${label(inbound.resolver)}, whose VNet is not in the design.`, { elementId: inbound.resolver.id });
    return azureDns(q, vnet, inbound.resolver);
  }
  const subnet = q.net.subnetHolding(ip);
  const dynamic = subnet && endpoints.find((e) => e.subnet?.id === subnet.id && e.relation.privateIpAddress === undefined);
  if (dynamic) return dnsHop('unknown', `${how}, in the subnet of DNS private resolver ${label(dynamic.resolver)}'s inbound endpoint, whose address is dynamic: whether ${server} is that endpoint is not known.`, { elementId: dynamic.resolver.id });
  const { onPremisesId } = q.net.onPremisesHolding(ip);
  const onPrem = onPremisesId === undefined ? undefined : t.get(onPremisesId, 'onPremises');
  if (onPrem) return dnsHop('unknown', `${how}, a DNS server in on-premises network ${label(onPrem)}; whether it resolves ${zoneText(q)} privately (a conditional forwarder to a resolver's inbound endpoint) is not in the design.`, {});
  const at = q.net.vnetHolding(ip);
  if (!at) return dnsHop('unknown', `${how}, a DNS server outside the design; whether it resolves ${zoneText(q)} privately is unknown.`, {});
  const linked = q.zone !== undefined && t.between('dnsZoneLink', q.zone.id, at.id) !== undefined;
  return dnsHop('unknown', `${how}, a DNS server in VNet ${label(at)}, where ${zoneText(q)} is ${linked ? '' : 'not '}linked; whether that server forwards to Azure DNS (168.63.129.16) is not in the design.`, {});
}

/** The VNet's first custom DNS server answers (Azure tries the others only when it does not respond). */
function customServer(q: Query, vnet: ElementOf<'vnet'>): Hop {
  const server = vnet.dnsServers![0]!;
  const ip = ipOf(server);
  const how = `VNet ${label(vnet)} resolves through custom DNS server ${server}`;
  if (ip === undefined) return dnsHop('unknown', `${how}, which is not an IPv4 address; whether it resolves ${zoneText(q)} privately is unknown.`, { elementId: vnet.id, property: 'dnsServers' });
  const hop = answerAt(q, ip, server, how);
  // What is not in the design is the VNet's DNS setting to fix or confirm; a resolver or network the hop names keeps its reference.
  return hop.elementId === undefined ? { ...hop, elementId: vnet.id, property: 'dnsServers' } : hop;
}
