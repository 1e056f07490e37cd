// The address plan settings of ppvnet.config.json: `addressPools` to allocate VNets from, `reservedRanges`
// never to allocate (hubs, gateways, other clouds) and `onPremisesRanges` routed from the corporate network.
// Read from the parsed config tree by rules-config.ts; problems are positioned, valid entries still apply.
import type { Node } from 'jsonc-parser';
import type { LoadError } from '../model/load-design';
import type { LineIndex } from '../model/source-range';
import { parseCidr, type Cidr } from '../net/cidr';

export interface AddressPool {
  readonly name: string;
  readonly ranges: readonly Cidr[];
}

export interface AddressPlanConfig {
  readonly pools: readonly AddressPool[];
  readonly reserved: readonly Cidr[];
  readonly onPremises: readonly Cidr[];
}

export const ADDRESS_PLAN_KEYS = ['addressPools', 'reservedRanges', 'onPremisesRanges'] as const;

/** The CIDR strings of an array node; IPv4 only, as Power Platform delegated subnets are. */
function cidrList(node: Node | undefined, what: string, lines: LineIndex, problems: LoadError[]): Cidr[] {
  if (!node) return [];
  if (node.type !== 'array') {
    problems.push({ message: `${what} is a list of IPv4 CIDR blocks like "10.64.0.0/12".`, range: lines.range(node.offset, node.length) });
    return [];
  }
  const out: Cidr[] = [];
  for (const item of node.children ?? []) {
    const r = typeof item.value === 'string' ? parseCidr(item.value) : { ok: false as const, error: 'not a string' };
    if (r.ok) out.push(r.cidr);
    else problems.push({ message: `${what}: ${r.error}.`, range: lines.range(item.offset, item.length) });
  }
  return out;
}

function property(node: Node, key: string): Node | undefined {
  return node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
}

/** Reads the three settings from the root object; undefined when none is present. */
export function parseAddressPlan(root: Node, lines: LineIndex): { plan?: AddressPlanConfig; problems: LoadError[] } {
  const problems: LoadError[] = [];
  const [poolsNode, reservedNode, onPremisesNode] = ADDRESS_PLAN_KEYS.map((k) => property(root, k));
  if (!poolsNode && !reservedNode && !onPremisesNode) return { problems };
  const pools: AddressPool[] = [];
  if (poolsNode && poolsNode.type !== 'array') {
    problems.push({ message: '"addressPools" is a list of { "name": "…", "ranges": ["10.64.0.0/12"] }.', range: lines.range(poolsNode.offset, poolsNode.length) });
  }
  for (const item of (poolsNode?.type === 'array' ? poolsNode.children ?? [] : [])) {
    const nameNode = item.type === 'object' ? property(item, 'name') : undefined;
    const name = typeof nameNode?.value === 'string' && nameNode.value.trim() !== '' ? nameNode.value : undefined;
    if (item.type !== 'object' || !name) {
      problems.push({ message: 'Each address pool needs a "name" and "ranges".', range: lines.range(item.offset, item.length) });
      continue;
    }
    if (pools.some((p) => p.name === name)) problems.push({ message: `Address pool "${name}" is declared twice.`, range: lines.range(nameNode!.offset, nameNode!.length) });
    const ranges = cidrList(property(item, 'ranges'), `Pool "${name}" ranges`, lines, problems);
    if (ranges.length > 0) pools.push({ name, ranges });
    else if (!property(item, 'ranges')) problems.push({ message: `Address pool "${name}" has no "ranges".`, range: lines.range(item.offset, item.length) });
  }
  const reserved = cidrList(reservedNode, '"reservedRanges"', lines, problems);
  const onPremises = cidrList(onPremisesNode, '"onPremisesRanges"', lines, problems);
  return { plan: { pools, reserved, onPremises }, problems };
}
