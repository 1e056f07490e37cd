// What the address map shows: per configured pool (or, with none, per supernet the VNets fall in) the VNet,
// subnet, reserved, on-premises and free blocks in address order. Drawing them is address-map-layout.ts.
import { contains, formatIpv4, overlaps, tryCidr, type Block, type Cidr } from '../net/cidr';
import type { AddressPlanConfig } from './address-plan-config';
import { freeBlocks } from './allocate';
import { poolUsage, type UsedRange } from './plan-addresses';

export type MapBlockKind = 'vnet' | 'subnet' | 'reserved' | 'onPremises' | 'free';

export interface MapBlock {
  readonly kind: MapBlockKind;
  /** First and last address, clipped to one range of the bar. */
  readonly start: number;
  readonly end: number;
  /** Drawn inside the block when it fits; in the legend otherwise. */
  readonly label: string;
  /** The longer description for a tooltip or the legend: names the design file. */
  readonly detail: string;
}

export interface MapBar {
  readonly title: string;
  /** The address ranges the bar spans, lowest first; a pool may have several. */
  readonly ranges: readonly Cidr[];
  /** Reserved, on-premises and VNet blocks (row one), then subnets (row two), then free blocks. */
  readonly blocks: readonly MapBlock[];
  readonly freeAddresses: number;
}

export interface AddressMap {
  /** 'supernets' when no pool is configured: the bars are then the /8–/16 blocks around the VNets. */
  readonly source: 'pools' | 'supernets';
  readonly bars: readonly MapBar[];
  /** VNet ranges no pool holds wholly (pools only): the map cannot place them, so it counts them. */
  readonly outsidePools: number;
}

function clip(b: Block<number>, ranges: readonly Cidr[]): Block<number>[] {
  return ranges.filter((r) => overlaps(r, b)).map((r) => ({ start: Math.max(r.start, b.start), end: Math.min(r.end, b.end) }));
}

function usedBlocks(used: readonly UsedRange[], ranges: readonly Cidr[]): MapBlock[] {
  const byStart = [...used].sort((a, b) => a.cidr.start - b.cidr.start || a.cidr.prefix - b.cidr.prefix);
  const outer = byStart.flatMap((u) => clip(u.cidr, ranges).map((c) => ({
    ...c,
    kind: u.kind,
    label: `${u.elementName} ${u.cidr.text}`,
    detail: `${u.kind === 'vnet' ? 'VNet' : 'on-premises'} ${u.elementName} ${u.cidr.text} (${u.file})`,
  })));
  const subnets = byStart.flatMap((u) => [...u.subnets].sort((a, b) => a.cidr.start - b.cidr.start).flatMap((s) => clip(s.cidr, ranges).map((c) => ({
    ...c,
    kind: 'subnet' as const,
    label: `${s.name} ${s.cidr.text}`,
    detail: `subnet ${s.name} ${s.cidr.text} in VNet ${u.elementName} (${u.file})`,
  }))));
  return [...outer, ...subnets];
}

function configBlocks(kind: 'reserved' | 'onPremises', cidrs: readonly Cidr[], ranges: readonly Cidr[]): MapBlock[] {
  const word = kind === 'reserved' ? 'reserved' : 'on-premises';
  return [...cidrs].sort((a, b) => a.start - b.start).flatMap((r) => clip(r, ranges).map((c) => ({ ...c, kind, label: `${word} ${r.text}`, detail: `${word} range ${r.text} (ppvnet.config.json)` })));
}

const freeBlock = (b: Cidr): MapBlock => ({ kind: 'free', start: b.start, end: b.end, label: b.text, detail: `free ${b.text} (${formatIpv4(b.start)} – ${formatIpv4(b.end)})` });

/**
 * The block of at most /16 around a VNet: a /16 for the usual /16–/29 spaces, the space itself when larger.
 * A whole /8 would draw a /24 VNet as a hairline, so the bar is kept to the VNet's neighbourhood.
 */
function supernetOf(c: Cidr): Cidr {
  const prefix = Math.min(16, c.prefix);
  const size = 2 ** (32 - prefix);
  return tryCidr(`${formatIpv4(c.start - (c.start % size))}/${prefix}`)!;
}

/** The bars for the design's own ranges, when no pool is configured. */
function supernetBars(used: readonly UsedRange[]): MapBar[] {
  const candidates = used.filter((u) => u.kind === 'vnet').map((u) => supernetOf(u.cidr)).sort((a, b) => a.start - b.start || a.prefix - b.prefix);
  const supernets: Cidr[] = [];
  for (const s of candidates) if (!supernets.some((t) => contains(t, s))) supernets.push(s);
  return supernets.map((s) => {
    const free = freeBlocks(s, used.map((u) => u.cidr));
    return { title: 'VNets in', ranges: [s], blocks: [...usedBlocks(used, [s]), ...free.map(freeBlock)], freeAddresses: free.reduce((n, b) => n + b.size, 0) };
  });
}

export function addressMap(plan: AddressPlanConfig, used: readonly UsedRange[]): AddressMap {
  if (plan.pools.length === 0) return { source: 'supernets', bars: supernetBars(used), outsidePools: 0 };
  const bars = poolUsage(plan, used).map((p): MapBar => {
    const ranges = [...p.pool.ranges].sort((a, b) => a.start - b.start);
    return {
      title: `pool ${p.pool.name}`,
      ranges,
      blocks: [...configBlocks('reserved', plan.reserved, ranges), ...configBlocks('onPremises', plan.onPremises, ranges), ...usedBlocks(p.used, ranges), ...p.free.map(freeBlock)],
      freeAddresses: p.freeAddresses,
    };
  });
  const outsidePools = used.filter((u) => u.kind === 'vnet' && !plan.pools.some((p) => p.ranges.some((r) => contains(r, u.cidr)))).length;
  return { source: 'pools', bars, outsidePools };
}
