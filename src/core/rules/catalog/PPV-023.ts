// PPV-023: the NSG on a delegated subnet lets Power Platform's health checks reach the DNS servers on TCP 53.
import type { ElementOf, NsgRule } from '../../model/schema';
import { contains, isRfc1918, parseIpv4, tryCidr, type Cidr } from '../../net/cidr';
import type { QuickFix, Rule } from '../rule';
import { SOURCES, delegatedSubnets, label, usesCustomDns } from '../analysis/power-platform';

const AZURE_DNS = '168.63.129.16';

export const rule: Rule = {
  meta: {
    id: 'PPV-023',
    title: 'NSG allows outbound TCP 53 to the DNS servers',
    severity: 'warning',
    category: 'dns',
    rationale:
      "Power Platform runs active health checks from the delegated subnet to the VNet's DNS servers over TCP port 53, and Microsoft asks to allow this traffic from the subnet. An NSG rule that denies it first makes the health checks fail. NSG rules are evaluated by ascending priority and the first match wins; the default rules allow outbound traffic to the VNet and the internet, so only an explicit deny can block it. Azure-provided DNS (168.63.129.16) is only filtered by rules that name it (the AzurePlatformDNS tag or the address).",
    fix: 'Add an outbound Allow rule for TCP 53 from the delegated subnet to the DNS servers with a lower priority number than the deny rule.',
    sources: [SOURCES.setup, SOURCES.nsg],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      for (const { subnet, vnet } of delegatedSubnets(t, p.id)) {
        if (!vnet) continue;
        const custom = usesCustomDns(vnet);
        const servers = custom ? vnet.dnsServers! : [AZURE_DNS];
        for (const nsg of t.sources(subnet.id, 'nsgAssociation', 'nsg')) {
          if (nsg.rules === undefined) continue;
          const sorted = nsg.rules.filter((r) => r.direction === 'Outbound').sort((a, b) => a.priority - b.priority);
          for (const server of servers) {
            const first = sorted.find((r) => matches(r, subnet, server, custom));
            if (first?.access !== 'Deny') continue;
            const fix = allowFix(nsg, first.priority, servers, custom);
            ctx.report({
              elementId: nsg.id,
              property: 'rules',
              message: `NSG ${label(nsg)} on delegated subnet ${label(subnet)} denies outbound TCP 53 to DNS server ${server} with rule '${first.name}' (priority ${first.priority}); Power Platform's DNS health checks fail.`,
              related: [{ elementId: subnet.id, message: `Delegated subnet ${label(subnet)} of policy ${label(p)}.` }],
              ...(fix ? { fixes: [fix] } : {}),
            });
            break; // one finding per NSG and subnet: the fix covers every server
          }
        }
      }
    }
  },
};

/** Whether an outbound rule certainly applies to TCP 53 from the subnet to the server. */
function matches(r: NsgRule, subnet: ElementOf<'subnet'>, server: string, custom: boolean): boolean {
  if (r.protocol !== 'Tcp' && r.protocol !== '*') return false;
  if (!portCovers(r.destinationPortRange, 53)) return false;
  if (!sourceCovers(r.sourceAddressPrefix, subnet)) return false;
  return destinationCovers(r.destinationAddressPrefix, server, custom);
}

function portCovers(range: string, port: number): boolean {
  return range.split(',').some((part) => {
    const p = part.trim();
    if (p === '*') return true;
    const [lo, hi] = p.split('-').map((n) => Number(n.trim()));
    return lo !== undefined && Number.isInteger(lo) && port >= lo && port <= (hi ?? lo);
  });
}

const isAny = (prefix: string) => prefix === '*' || prefix.toLowerCase() === 'any';

function sourceCovers(prefix: string, subnet: ElementOf<'subnet'>): boolean {
  return prefix.split(',').some((raw) => {
    const p = raw.trim();
    if (isAny(p) || p.toLowerCase() === 'virtualnetwork') return true;
    const c = asCidr(p);
    const s = tryCidr(subnet.addressPrefix);
    return c !== undefined && s !== undefined && contains(c, s);
  });
}

function destinationCovers(prefix: string, server: string, custom: boolean): boolean {
  const ip = parseIpv4(server.trim());
  return prefix.split(',').some((raw) => {
    const p = raw.trim();
    const c = asCidr(p);
    const hit = ip !== undefined && c !== undefined && ip >= c.start && ip <= c.end;
    // The platform DNS address is not subject to broad rules, only to ones that name it.
    if (!custom) return p.toLowerCase() === 'azureplatformdns' || (hit && c!.prefix === 32);
    if (isAny(p) || hit) return true;
    if (ip === undefined) return false;
    const single = tryCidr(`${server.trim()}/32`)!;
    // Service tags: VirtualNetwork covers private addresses of the VNet and its peers; Internet the public ones.
    if (p.toLowerCase() === 'virtualnetwork') return isRfc1918(single);
    if (p.toLowerCase() === 'internet') return !isRfc1918(single);
    return false;
  });
}

function asCidr(p: string): Cidr | undefined {
  return tryCidr(p.includes('/') ? p : parseIpv4(p) !== undefined ? `${p}/32` : undefined);
}

function allowFix(nsg: ElementOf<'nsg'>, denyPriority: number, servers: readonly string[], custom: boolean): QuickFix | undefined {
  const taken = new Set((nsg.rules ?? []).filter((r) => r.direction === 'Outbound').map((r) => r.priority));
  let priority = denyPriority - 1;
  while (priority >= 100 && taken.has(priority)) priority--;
  if (priority < 100) return undefined;
  const names = new Set((nsg.rules ?? []).map((r) => r.name));
  let name = 'AllowDnsTcpOutbound';
  for (let n = 2; names.has(name); n++) name = `AllowDnsTcpOutbound${n}`;
  const single = servers.length === 1 ? servers[0]!.trim() : undefined;
  const destination = !custom ? 'AzurePlatformDNS' : single ?? (servers.every((s) => { const c = asCidr(s.trim()); return c !== undefined && isRfc1918(c); }) ? 'VirtualNetwork' : '*');
  const allow: NsgRule = {
    name,
    priority,
    direction: 'Outbound',
    access: 'Allow',
    protocol: 'Tcp',
    sourceAddressPrefix: 'VirtualNetwork',
    sourcePortRange: '*',
    destinationAddressPrefix: destination,
    destinationPortRange: '53',
    description: 'Power Platform health checks resolve over TCP 53',
  };
  return { title: `Allow outbound TCP 53 (priority ${priority})`, edit: { op: 'updateElement', id: nsg.id, set: { rules: [...(nsg.rules ?? []), allow] } } };
}
