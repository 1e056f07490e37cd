// The quick fix that resizes a policy's delegated subnets together: both to one prefix, each placed where it
// is free in its own VNet, as one undoable edit, so the pair never passes through an unequal state (PPV-011).
import type { DesignEdit } from '../model/design-edits';
import type { ElementOf } from '../model/schema';
import type { Topology } from '../model/topology';
import { parseAddressPrefix } from '../net/address-prefix';
import { tryCidr, type Cidr } from '../net/cidr';
import type { QuickFix } from '../rules/rule';
import { delegatedSubnets } from '../rules/analysis/power-platform';
import { placeBlock } from './allocate';

/**
 * IPv4 blocks of the texts; undefined when one is unknown or malformed. A dual-stack VNet's IPv6 spaces
 * and subnets neither hold nor collide with an IPv4 block, so they are left out.
 */
function ipv4Blocks(texts: readonly (string | undefined)[]): Cidr[] | undefined {
  const out: Cidr[] = [];
  for (const text of texts) {
    const r = text === undefined ? undefined : parseAddressPrefix(text);
    if (!r?.ok) return undefined;
    if (r.family === 4) out.push(r.cidr);
  }
  return out;
}

/** A free `/prefix` block for the subnet in its VNet, or undefined when the VNet is unknown or full. */
function placeSubnet(t: Topology, subnet: ElementOf<'subnet'>, prefix: number, alsoTaken: readonly Cidr[]): Cidr | undefined {
  const vnet = t.vnetOf(subnet.id);
  const current = tryCidr(subnet.addressPrefix);
  if (!vnet?.addressSpaces || !current) return undefined;
  // Only when the spaces and every sibling are known is the new block known not to overlap.
  const spaces = ipv4Blocks(vnet.addressSpaces);
  const siblings = ipv4Blocks(t.children(vnet.id, 'subnet').filter((s) => s.id !== subnet.id).map((s) => s.addressPrefix));
  if (!spaces || !siblings) return undefined;
  return placeBlock(spaces, [...siblings, ...alsoTaken], prefix, current.start);
}

/** Grows one subnet to `/prefix` where it is free in its VNet (PPV-011's fix for the smaller of a pair). */
export function resizeSubnetFix(t: Topology, subnet: ElementOf<'subnet'>, prefix: number): QuickFix | undefined {
  const block = placeSubnet(t, subnet, prefix, []);
  return block && { title: `Resize to ${block.text}`, edit: { op: 'updateElement', id: subnet.id, set: { addressPrefix: block.text } } };
}

/**
 * Resizes every delegated subnet of the policy to `/prefix` (never shrinking: the pair grows to the larger
 * of `prefix` and its largest current block). Offered only when every subnet has a place.
 */
export function resizeDelegatedSubnetsFix(t: Topology, policyId: string, prefix: number): QuickFix | undefined {
  const subnets = delegatedSubnets(t, policyId).map((d) => d.subnet);
  const current = subnets.map((s) => tryCidr(s.addressPrefix));
  if (subnets.length === 0 || current.some((c) => c === undefined)) return undefined;
  const target = Math.min(prefix, ...current.map((c) => c!.prefix));
  const edits: DesignEdit[] = [];
  const texts: string[] = [];
  // Blocks already chosen in this fix: two delegated subnets of one VNet must not land on each other.
  const chosen: { vnetId: string | undefined; block: Cidr }[] = [];
  for (const [i, subnet] of subnets.entries()) {
    if (current[i]!.prefix === target) {
      texts.push(current[i]!.text);
      continue;
    }
    const vnetId = t.vnetOf(subnet.id)?.id;
    const block = placeSubnet(t, subnet, target, chosen.filter((c) => c.vnetId === vnetId).map((c) => c.block));
    if (!block) return undefined;
    chosen.push({ vnetId, block });
    edits.push({ op: 'updateElement', id: subnet.id, set: { addressPrefix: block.text } });
    texts.push(block.text);
  }
  if (edits.length === 0) return undefined;
  const title = subnets.length > 1 ? `Resize both delegated subnets to /${target} (${texts.join(', ')})` : `Resize to ${texts[0]}`;
  return { title, edit: edits.length === 1 ? edits[0]! : { op: 'batch', edits } };
}
