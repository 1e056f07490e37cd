// PPV-023: the NSG on a delegated subnet lets Power Platform's health checks reach the DNS servers on
// TCP 53, and lets the workloads reach their private endpoints on the service's port.
import type { ElementOf, NsgRule } from '../../model/schema';
import type { Topology } from '../../model/topology';
import { contains, isRfc1918, parseIpv4, tryCidr, type Cidr } from '../../net/cidr';
import type { QuickFix, Rule } from '../rule';
import { SOURCES, delegatedSubnets, label, policyServices, usesCustomDns } from '../analysis/power-platform';

const AZURE_DNS = '168.63.129.16';

/** The port a workload uses toward a service's private endpoint: SQL's TDS port, else HTTPS. */
const SERVICE_PORTS: Readonly<Record<string, number>> = { sqlServer: 1433 };

/** What an outbound rule's destination must certainly cover for the rule to apply. */
type Destination = (prefix: string) => boolean;

export const rule: Rule = {
  meta: {
    id: 'PPV-023',
    title: 'NSG allows outbound TCP 53 to the DNS servers',
    severity: 'warning',
    category: 'dns',
    rationale:
      "Power Platform runs active health checks from the delegated subnet to the VNet's DNS servers over TCP port 53, and Microsoft asks to allow this traffic from the subnet; the workloads also need their service's port (1433 for SQL, 443 otherwise) toward their private endpoints. An NSG rule that denies it first breaks the health checks or the calls. NSG rules are evaluated by ascending priority and the first match wins; the default rules allow outbound traffic to the VNet and the internet, so only an explicit deny can block it. Azure-provided DNS (168.63.129.16) is only filtered by rules that name it (the AzurePlatformDNS tag or the address).",
    fix: 'Add an outbound Allow rule (TCP 53 to the DNS servers, or the service port to the private endpoint subnet) with a lower priority number than the deny rule.',
    sources: [SOURCES.setup, SOURCES.nsg],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      // The same targets for every NSG of every delegated subnet of the policy: found once, when first needed.
      let targets: ReturnType<typeof endpointTargets> | undefined;
      for (const { subnet, vnet } of delegatedSubnets(t, p.id)) {
        if (!vnet) continue;
        for (const nsg of t.sources(subnet.id, 'nsgAssociation', 'nsg')) {
          if (nsg.rules === undefined) continue;
          const outbound = nsg.rules.filter((r) => r.direction === 'Outbound').sort((a, b) => a.priority - b.priority);
          const related = [{ elementId: subnet.id, message: `Delegated subnet ${label(subnet)} of policy ${label(p)}.` }];
          const custom = usesCustomDns(vnet);
          const servers = custom ? vnet.dnsServers! : [AZURE_DNS];
          for (const server of servers) {
            const deny = firstDeny(outbound, subnet, 53, (prefix) => coversDnsServer(prefix, server, custom));
            if (!deny) continue;
            const fix = allowFix(nsg, deny.priority, 'AllowDnsTcpOutbound', 53, dnsDestination(servers, custom), 'Power Platform health checks resolve over TCP 53');
            ctx.report({
              elementId: nsg.id,
              property: 'rules',
              message: `NSG ${label(nsg)} on delegated subnet ${label(subnet)} denies outbound TCP 53 to DNS server ${server} with rule '${deny.name}' (priority ${deny.priority}); Power Platform's DNS health checks fail.`,
              related,
              ...(fix ? { fixes: [fix] } : {}),
            });
            break; // one finding per NSG and subnet: the fix covers every server
          }
          for (const target of (targets ??= endpointTargets(t, p.id))) {
            const deny = firstDeny(outbound, subnet, target.port, (prefix) => coversBlock(prefix, target.block));
            if (!deny) continue;
            const fix = allowFix(nsg, deny.priority, `AllowTcp${target.port}ToPrivateEndpoints`, target.port, target.block.text, `Workloads reach ${target.service.name} through its private endpoint`);
            ctx.report({
              elementId: nsg.id,
              property: 'rules',
              message: `NSG ${label(nsg)} on delegated subnet ${label(subnet)} denies outbound TCP ${target.port} to private endpoint ${label(target.pe)} of ${label(target.service)} (${target.block.text}) with rule '${deny.name}' (priority ${deny.priority}).`,
              related: [...related, { elementId: target.pe.id, message: `Private endpoint ${label(target.pe)}.` }],
              ...(fix ? { fixes: [fix] } : {}),
            });
          }
        }
      }
    }
  },
};

/** Private endpoints of the services the policy's workloads use, with the block they sit in and the port. */
function endpointTargets(t: Topology, policyId: string) {
  return policyServices(t, policyId).flatMap(({ service }) =>
    t.sources(service.id, 'peTarget', 'privateEndpoint').flatMap((pe) => {
      const block = tryCidr(t.targets(pe.id, 'peSubnet', 'subnet')[0]?.addressPrefix);
      return block ? [{ service, pe, block, port: SERVICE_PORTS[service.serviceType] ?? 443 }] : [];
    }),
  );
}

/** The first outbound rule that certainly applies to TCP `port` from the subnet, if it is a Deny. */
function firstDeny(sorted: readonly NsgRule[], subnet: ElementOf<'subnet'>, port: number, destination: Destination): NsgRule | undefined {
  const first = sorted.find(
    (r) => (r.protocol === 'Tcp' || r.protocol === '*') && portCovers(r.destinationPortRange, port) && sourceCovers(r.sourceAddressPrefix, subnet) && anyPart(r.destinationAddressPrefix, destination),
  );
  return first?.access === 'Deny' ? first : undefined;
}

// Every NSG of every delegated subnet repeats the same few prefix and port texts: each is read once.
const CACHE_LIMIT = 10_000;
function cached<V>(cache: Map<string, V>, text: string, read: (text: string) => V): V {
  if (cache.has(text)) return cache.get(text)!;
  const v = read(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, v);
  return v;
}

const partLists = new Map<string, readonly string[]>();
const parts = (list: string) => cached(partLists, list, (l) => l.split(',').map((p) => p.trim()));
const anyPart = (prefixes: string, test: Destination) => parts(prefixes).some(test);
const isAny = (prefix: string) => prefix === '*' || prefix.toLowerCase() === 'any';

/** A port range's parts as inclusive intervals (`*` is every port; a part that is not a number matches none). */
const portLists = new Map<string, readonly (readonly [number, number])[]>();
const portIntervals = (range: string) =>
  cached(portLists, range, (r) =>
    parts(r).flatMap((p): (readonly [number, number])[] => {
      if (p === '*') return [[-Infinity, Infinity]];
      const [lo, hi] = p.split('-').map((n) => Number(n.trim()));
      return lo !== undefined && Number.isInteger(lo) ? [[lo, hi ?? lo]] : [];
    }));

function portCovers(range: string, port: number): boolean {
  return portIntervals(range).some(([lo, hi]) => port >= lo && port <= hi);
}

function sourceCovers(prefixes: string, subnet: ElementOf<'subnet'>): boolean {
  return anyPart(prefixes, (p) => {
    if (isAny(p) || p.toLowerCase() === 'virtualnetwork') return true;
    const c = asCidr(p);
    const s = tryCidr(subnet.addressPrefix);
    return c !== undefined && s !== undefined && contains(c, s);
  });
}

function coversDnsServer(p: string, server: string, custom: boolean): boolean {
  const ip = parseIpv4(server.trim());
  const c = asCidr(p);
  const hit = ip !== undefined && c !== undefined && ip >= c.start && ip <= c.end;
  // The platform DNS address is not subject to broad rules, only to ones that name it.
  if (!custom) return p.toLowerCase() === 'azureplatformdns' || (hit && c!.prefix === 32);
  if (isAny(p) || hit) return true;
  if (ip === undefined) return false;
  return serviceTagCovers(p, tryCidr(`${server.trim()}/32`)!);
}

/** Private endpoint addresses are not known in a design, so a rule must cover the whole PE subnet. */
function coversBlock(p: string, block: Cidr): boolean {
  if (isAny(p)) return true;
  const c = asCidr(p);
  if (c) return contains(c, block);
  return serviceTagCovers(p, block);
}

/** VirtualNetwork covers private addresses of the VNet and its peers; Internet the public ones. */
function serviceTagCovers(tag: string, block: Cidr): boolean {
  if (tag.toLowerCase() === 'virtualnetwork') return isRfc1918(block);
  if (tag.toLowerCase() === 'internet') return !isRfc1918(block);
  return false;
}

const blocks = new Map<string, Cidr | undefined>();
function asCidr(p: string): Cidr | undefined {
  return cached(blocks, p, (text) => tryCidr(text.includes('/') ? text : parseIpv4(text) !== undefined ? `${text}/32` : undefined));
}

function dnsDestination(servers: readonly string[], custom: boolean): string {
  if (!custom) return 'AzurePlatformDNS';
  if (servers.length === 1) return servers[0]!.trim();
  return servers.every((s) => { const c = asCidr(s.trim()); return c !== undefined && isRfc1918(c); }) ? 'VirtualNetwork' : '*';
}

/** An Allow rule just before the deny, with a name not yet used; none when no priority is free. */
function allowFix(nsg: ElementOf<'nsg'>, denyPriority: number, baseName: string, port: number, destination: string, description: string): QuickFix | undefined {
  const taken = new Set((nsg.rules ?? []).filter((r) => r.direction === 'Outbound').map((r) => r.priority));
  let priority = denyPriority - 1;
  while (priority >= 100 && taken.has(priority)) priority--;
  if (priority < 100) return undefined;
  const names = new Set((nsg.rules ?? []).map((r) => r.name));
  let name = baseName;
  for (let n = 2; names.has(name); n++) name = `${baseName}${n}`;
  const allow: NsgRule = {
    name, priority, direction: 'Outbound', access: 'Allow', protocol: 'Tcp',
    sourceAddressPrefix: 'VirtualNetwork', sourcePortRange: '*', destinationAddressPrefix: destination, destinationPortRange: String(port), description,
  };
  return { title: `Allow outbound TCP ${port} (priority ${priority})`, edit: { op: 'updateElement', id: nsg.id, set: { rules: [...(nsg.rules ?? []), allow] } } };
}
