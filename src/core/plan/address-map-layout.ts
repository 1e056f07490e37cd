// The address map as positioned shapes: one bar per pool or supernet, scaled by address count, VNets with
// their subnets as a second row, hatched reserved and on-premises ranges, and a numbered legend for blocks
// too narrow to label. Both the SVG text (address-map-svg.ts) and the designer's panel draw these shapes.
import { estimateWidth, fitText } from '../diagram/svg-text';
import type { AddressMap, MapBar, MapBlock, MapBlockKind } from './address-map';

export type MapShape =
  | { readonly type: 'rect'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly kind: MapBlockKind | 'bar'; readonly title?: string }
  | { readonly type: 'line'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number }
  | { readonly type: 'text'; readonly x: number; readonly y: number; readonly size: number; readonly text: string; readonly anchor: 'start' | 'middle'; readonly bold?: boolean };

export interface MapPicture {
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly MapShape[];
}

/** No label is smaller than this: below 9 px text is unreadable in an exported picture. */
export const MIN_FONT = 9;
const BLOCK_FONT = 11;
const SUBNET_FONT = 10;
const TITLE_FONT = 12;
const LEGEND_FONT = 10;
const WIDTH = 960;
const MARGIN = 16;
const ROW_ONE = 30;
const ROW_TWO = 22;
const TICK = 6;
const LINE = 15;
/** A named block keeps its label when at least this many characters fit; fewer would say nothing. */
const MIN_CHARS = 6;

/** Address → x: the bar's ranges laid end to end, each as wide as its share of the addresses. */
function scaleOf(bar: MapBar): (address: number) => number {
  const total = bar.ranges.reduce((n, r) => n + r.size, 0);
  const width = WIDTH - 2 * MARGIN;
  return (address) => {
    let before = 0;
    for (const r of bar.ranges) {
      if (address >= r.start && address <= r.end + 1) return MARGIN + ((before + address - r.start) / total) * width;
      before += r.size;
    }
    return MARGIN;
  };
}

/** The label that fits inside `width`, or undefined when the block goes to the legend. */
function inside(b: MapBlock, size: number, width: number): string | undefined {
  const room = width - 6;
  // A shortened CIDR would name a different block, so free blocks are labelled whole or not at all.
  if (b.kind === 'free') return estimateWidth(b.label, size) <= room ? b.label : undefined;
  const text = fitText(b.label, size, room);
  return [...text].length >= Math.min(MIN_CHARS, [...b.label].length) && estimateWidth(text, size) <= room ? text : undefined;
}

function drawBar(bar: MapBar, top: number, shapes: MapShape[]): number {
  const x = scaleOf(bar);
  const free = bar.ranges.reduce((n, r) => n + r.size, 0);
  // A VNet that fills its bar leaves nothing free in the bar, but its own room for new subnets is what a planner
  // asks about next: the VNets' addresses that no subnet holds.
  const size = (kind: MapBlockKind) => bar.blocks.filter((b) => b.kind === kind).reduce((n, b) => n + b.end - b.start + 1, 0);
  const inVnets = size('vnet') - size('subnet');
  shapes.push({ type: 'text', x: MARGIN, y: top + TITLE_FONT, size: TITLE_FONT, bold: true, anchor: 'start',
    text: fitText(`${bar.title}: ${bar.ranges.map((r) => r.text).join(', ')} · ${bar.freeAddresses} of ${free} addresses free${size('vnet') > 0 ? ` · ${inVnets} in VNets outside subnets` : ''}`, TITLE_FONT, WIDTH - 2 * MARGIN) });
  const y = top + TITLE_FONT + 6;
  shapes.push({ type: 'rect', x: MARGIN, y, width: WIDTH - 2 * MARGIN, height: ROW_ONE + ROW_TWO, kind: 'bar' });
  const bottom = y + ROW_ONE + ROW_TWO;
  const placed = bar.blocks.map((b) => {
    const left = x(b.start);
    const width = Math.max(x(b.end + 1) - left, 0.5);
    // Only subnets take the second row; everything else spans both, so a VNet frames its subnets.
    const row = b.kind === 'subnet' ? { y: y + ROW_ONE, h: ROW_TWO, font: SUBNET_FONT } : { y, h: ROW_ONE + ROW_TWO, font: BLOCK_FONT };
    return { b, left, width, row, label: inside(b, row.font, width) };
  });
  // The legend is numbered in address order, whatever order the blocks are drawn in.
  const legend = placed.filter((p) => p.label === undefined).sort((a, b) => a.b.start - b.b.start || (a.b.kind === 'subnet' ? 1 : 0) - (b.b.kind === 'subnet' ? 1 : 0));
  for (const p of placed) {
    shapes.push({ type: 'rect', x: p.left, y: p.row.y, width: p.width, height: p.row.h, kind: p.b.kind, title: p.b.detail });
    if (p.label !== undefined) {
      shapes.push({ type: 'text', x: p.left + p.width / 2, y: p.row.y + Math.min(p.row.h, ROW_ONE) / 2 + p.row.font * 0.35, size: p.row.font, text: p.label, anchor: 'middle' });
    }
  }
  // Too narrow to label: a tick under the bar, numbered when the number does not run into the previous one.
  let lastNumberEnd = -Infinity;
  legend.forEach((p, i) => {
    const mid = p.left + p.width / 2;
    shapes.push({ type: 'line', x1: mid, y1: bottom, x2: mid, y2: bottom + TICK });
    const n = String(i + 1);
    const half = estimateWidth(n, MIN_FONT) / 2;
    if (mid - half > lastNumberEnd + 2) {
      shapes.push({ type: 'text', x: mid, y: bottom + TICK + MIN_FONT + 1, size: MIN_FONT, text: n, anchor: 'middle' });
      lastNumberEnd = mid + half;
    }
  });
  let at = y + ROW_ONE + ROW_TWO + TICK + MIN_FONT + 8;
  legend.forEach((p, i) => {
    at += LINE;
    shapes.push({ type: 'text', x: MARGIN, y: at, size: LEGEND_FONT, anchor: 'start', text: fitText(`${i + 1}. ${p.b.detail}`, LEGEND_FONT, WIDTH - 2 * MARGIN) });
  });
  return at + 14;
}

export function layoutAddressMap(map: AddressMap): MapPicture {
  const shapes: MapShape[] = [];
  let y = MARGIN;
  const note = (text: string) => {
    y += LINE;
    shapes.push({ type: 'text', x: MARGIN, y, size: LEGEND_FONT, anchor: 'start', text: fitText(text, LEGEND_FONT, WIDTH - 2 * MARGIN) });
  };
  if (map.source === 'supernets') note('No address pools configured: the bars are the /16 blocks (or larger) around the design\'s VNets.');
  if (map.bars.length === 0) note('No IPv4 VNet address spaces to map.');
  if (map.outsidePools > 0) note(`${map.outsidePools} VNet range${map.outsidePools === 1 ? ' lies' : 's lie'} outside every pool and ${map.outsidePools === 1 ? 'is' : 'are'} not drawn.`);
  if (shapes.length > 0) y += 10;
  for (const bar of map.bars) y = drawBar(bar, y, shapes);
  return { width: WIDTH, height: Math.ceil(y + MARGIN), shapes };
}
