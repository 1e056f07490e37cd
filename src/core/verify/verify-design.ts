// The design-time network verifier (issue #15): every flow from each delegated subnet of each
// enterprise policy, primary and failover side, to each target its workloads use and to the DNS
// servers it resolves with, judged reachable, blocked or unknown with its hops and the deciding one.
import type { Design, ElementOf } from '../model/schema';
import { Topology } from '../model/topology';
import { parseIpv4, tryCidr } from '../net/cidr';
import { delegatedSubnets, label, usesCustomDns } from '../rules/analysis/power-platform';
import { AZURE_DNS_IP } from './addresses';
import { resolveHop } from './dns';
import { combine, targetKey, type Flow, type FlowTarget, type Hop, type Side } from './flow';
import { Network } from './network';
import { serviceHost } from './service-hosts';
import { policyTargets, type PolicyTarget } from './targets';
import { trace, type Destination, type TraceRequest } from './trace';

export interface VerifyOptions {
  /** Only flows from this policy, delegated subnet or VNet. */
  readonly from?: string;
  /** Only flows to this target (element id, or a key such as `dns:10.0.0.4` / `internet:api.contoso.com`). */
  readonly to?: string;
  /** Only flows to targets of these kinds (a rule that judges some kinds need not trace the others). */
  readonly targetKinds?: readonly FlowTarget['kind'][];
}

const owner = {};

/** Every kind of target but the DNS servers. */
const NETWORK_TARGETS: readonly FlowTarget['kind'][] = ['privateEndpoint', 'publicService', 'onPremises', 'internet'];

/**
 * The flows of a topology (all, or those to targets of `targetKinds`). The verifier runs once per topology
 * however many rules ask: the flows of a kind are the same whichever others are traced with them, so each
 * list of kinds is picked out, in flow order, of one run. That run leaves out the DNS flows (a third of all)
 * unless they are asked for: no rule judges them (name resolution is PPV-025's), the CLI and the panel do.
 */
export function flowsOf(t: Topology, targetKinds?: readonly FlowTarget['kind'][]): readonly Flow[] {
  const all = () => t.derive(owner, '', () => verifyDesign(t));
  if (targetKinds === undefined) return all();
  const base = targetKinds.includes('dns') ? all : () => t.derive(owner, 'network', () => verifyDesign(t, { targetKinds: NETWORK_TARGETS }));
  return t.derive(owner, `kinds:${targetKinds.join(',')}`, () => base().filter((f) => targetKinds.includes(f.target.kind)));
}

export function verifyDesign(design: Design | Topology, options: VerifyOptions = {}): Flow[] {
  const t = design instanceof Topology ? design : new Topology(design);
  const net = new Network(t);
  const flows: Flow[] = [];
  for (const policy of t.all('enterprisePolicy')) {
    const subnets = delegatedSubnets(t, policy.id);
    if (subnets.length === 0) continue;
    const targets = policyTargets(t, policy.id);
    subnets.forEach(({ subnet, vnet }, i) => {
      if (options.from !== undefined && ![policy.id, subnet.id, vnet?.id].includes(options.from)) return;
      const side: Side = i === 0 ? 'primary' : 'failover';
      const wanted = (target: PolicyTarget) =>
        (options.targetKinds === undefined || options.targetKinds.includes(target.target.kind)) &&
        (options.to === undefined || options.to === target.elementId || options.to === targetKey(target.target));
      for (const target of targets) if (wanted(target)) flows.push(verifyFlow(net, policy, side, subnet, vnet, target));
      // The DNS servers come last; a run without DNS flows does not build their targets.
      if (options.targetKinds !== undefined && !options.targetKinds.includes('dns')) return;
      for (const target of dnsTargets(vnet)) if (wanted(target)) flows.push(verifyFlow(net, policy, side, subnet, vnet, target));
    });
  }
  return flows;
}

function dnsTargets(vnet: ElementOf<'vnet'> | undefined): PolicyTarget[] {
  if (!vnet) return [];
  const servers = usesCustomDns(vnet) ? vnet.dnsServers! : [AZURE_DNS_IP];
  return servers.map((server) => ({ target: { kind: 'dns', server }, elementId: usesCustomDns(vnet) ? vnet.id : `dns:${server}`, implied: false, protocol: 'Udp', port: 53 }));
}

function verifyFlow(net: Network, policy: ElementOf<'enterprisePolicy'>, side: Side, subnet: ElementOf<'subnet'>, vnet: ElementOf<'vnet'> | undefined, pt: PolicyTarget): Flow {
  const sourceKey = `${subnet.id}\0${side}`;
  let first = net.sourceHops.get(sourceKey);
  if (!first) net.sourceHops.set(sourceKey, (first = { kind: 'subnet', verdict: 'reachable', elementId: subnet.id, text: `From delegated subnet ${label(subnet)}${vnet ? ` in VNet ${label(vnet)}` : ''} (${side}).` }));
  const hops: Hop[] = [first];
  const t = net.t;
  const host = hostOf(t, pt.target);
  const go = (destination: Destination) => pushAll(hops, trace(net, subnet, requestOf(pt, host, destination)).hops);
  const target = pt.target;
  let targetElementId: string | undefined = pt.elementId;
  switch (target.kind) {
    case 'privateEndpoint': {
      const pe = t.get(target.id, 'privateEndpoint')!;
      const service = target.serviceId === undefined ? undefined : t.get(target.serviceId, 'azureService');
      if (vnet) hops.push(resolveHop(net, vnet, pe, service));
      const peSubnet = t.targets(pe.id, 'peSubnet', 'subnet')[0];
      const cidr = peSubnet && tryCidr(peSubnet.addressPrefix);
      if (!peSubnet || !cidr) hops.push({ kind: 'privateEndpoint', verdict: 'unknown', elementId: pe.id, text: `The subnet of private endpoint ${label(pe)}${peSubnet ? ` (${label(peSubnet)}) has no known prefix` : ' is not in the design'}.` });
      else {
        // Every endpoint of a subnet is reached the same way, unless a firewall's FQDN rules judged the host:
        // trace once per (source, endpoint subnet, port), and per host only where the host mattered.
        const key = `${subnet.id}\0${peSubnet.id}\0${pt.protocol}\0${pt.port ?? '*'}`;
        const shared = net.traces.get(key);
        const hostKey = `${key}\0${host ?? ''}`;
        let path = shared && !shared.usedHost ? shared : net.traces.get(hostKey);
        if (!path) {
          path = trace(net, subnet, requestOf(pt, host, { kind: 'address', cidr, privateEndpoint: pe, peSubnet }));
          net.traces.set(path.usedHost ? hostKey : key, path);
        }
        pushAll(hops, path.hops);
        if (path.arrived) hops.push({ kind: 'privateEndpoint', verdict: 'reachable', elementId: pe.id, text: `Private endpoint ${label(pe)} in subnet ${label(peSubnet)}.` });
      }
      break;
    }
    case 'publicService': {
      const service = t.get(target.id, 'azureService')!;
      if (service.publicNetworkAccess === false) hops.push({ kind: 'service', verdict: 'blocked', elementId: service.id, property: 'publicNetworkAccess', text: `${label(service)} has public access disabled and no private endpoint.` });
      else go({ kind: 'public', serviceType: service.serviceType, ...(service.region ? { region: service.region } : {}) });
      break;
    }
    case 'onPremises': {
      const onPrem = t.get(target.id, 'onPremises')!;
      const spaces = (onPrem.addressSpaces ?? []).map(tryCidr);
      if (spaces.length === 0 || spaces.some((c) => c === undefined)) {
        hops.push({ kind: 'onPremises', verdict: 'unknown', elementId: onPrem.id, property: 'addressSpaces', text: `The address space of on-premises network ${label(onPrem)} is not known.` });
        break;
      }
      // Each range of the network is traced; they agree, or the flow is unknown (the connector's host is not in the design).
      const traces = spaces.map((cidr) => trace(net, subnet, { protocol: pt.protocol, destination: { kind: 'address', cidr: cidr!, onPremisesId: onPrem.id } }).hops);
      const verdicts = traces.map((h) => combine(h.map((x) => x.verdict)));
      const first = traces[0]!;
      if (verdicts.every((v) => v === verdicts[0])) hops.push(...first);
      else {
        const odd = traces[verdicts.findIndex((v) => v !== verdicts[0])]!;
        hops.push(...first, { kind: 'onPremises', verdict: 'unknown', elementId: onPrem.id, property: 'addressSpaces', text: `Parts of ${label(onPrem)} are judged differently (${verdicts.join(', ')}); which one the connector calls is not in the design. ${odd.at(-1)?.text ?? ''}` });
      }
      break;
    }
    case 'internet':
      go({ kind: 'public' });
      break;
    case 'dns': {
      targetElementId = vnet?.id;
      if (target.server === AZURE_DNS_IP && !(vnet && usesCustomDns(vnet))) go({ kind: 'azureDns' });
      else {
        const ip = parseIpv4(target.server.trim());
        if (ip === undefined) hops.push({ kind: 'dns', verdict: 'unknown', elementId: vnet?.id, property: 'dnsServers', text: `DNS server '${target.server}' is not an IPv4 address.` });
        else go({ kind: 'address', cidr: { start: ip, end: ip, prefix: 32, size: 1, text: `${target.server.trim()}/32` }, ...net.onPremisesHolding(ip) });
      }
      break;
    }
  }
  const verdict = combine(hops.map((h) => h.verdict));
  const deciding = verdict === 'reachable' ? undefined : hops.find((h) => h.verdict === verdict);
  return {
    id: `${policy.id}/${subnet.id}->${targetKey(target)}`,
    policyId: policy.id,
    side,
    sourceSubnetId: subnet.id,
    ...(vnet ? { sourceVnetId: vnet.id } : {}),
    target,
    ...(targetElementId ? { targetElementId } : {}),
    implied: pt.implied,
    protocol: pt.protocol,
    ...(pt.port !== undefined ? { port: pt.port } : {}),
    verdict,
    hops,
    ...(deciding ? { deciding } : {}),
  };
}

function requestOf(pt: PolicyTarget, host: string | undefined, destination: Destination): TraceRequest {
  return { protocol: pt.protocol, ...(pt.port !== undefined ? { port: pt.port } : {}), destination, ...(host !== undefined ? { host } : {}) };
}

function pushAll(into: Hop[], hops: readonly Hop[]): void {
  for (const h of hops) into.push(h);
}

/** The host name a flow's workload calls, for a firewall's FQDN rules: the service's name or the connector's host. */
function hostOf(t: Topology, target: FlowTarget): string | undefined {
  const named = (service: ElementOf<'azureService'> | undefined, groupId?: string) => {
    const h = service && serviceHost(service, groupId);
    return h && 'host' in h ? h.host : undefined;
  };
  switch (target.kind) {
    case 'privateEndpoint':
      // Through a private endpoint the workload still calls the service's public name; DNS maps it to the endpoint.
      return named(target.serviceId === undefined ? undefined : t.get(target.serviceId, 'azureService'), t.get(target.id, 'privateEndpoint')?.groupId);
    case 'publicService':
      return named(t.get(target.id, 'azureService'));
    case 'internet':
      return target.host.trim();
    case 'onPremises':
    case 'dns':
      return undefined;
  }
}
