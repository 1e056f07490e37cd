// The address map picture: blocks in address order with subnets inside their VNet, free blocks labelled with
// their CIDR, tiny blocks ticked and listed in a legend, hostile names escaped, no text under 9 px.
import { describe, expect, it } from 'vitest';
import { tryCidr } from '../../../src/core/net/cidr';
import { addressMap } from '../../../src/core/plan/address-map';
import { layoutAddressMap, MIN_FONT, type MapShape } from '../../../src/core/plan/address-map-layout';
import { renderAddressMapSvg } from '../../../src/core/plan/address-map-svg';
import type { AddressPlanConfig } from '../../../src/core/plan/address-plan-config';
import { usedRanges, type PlannedDesign } from '../../../src/core/plan/plan-addresses';
import { edited, loadSample, set } from '../support/designs';

const c = (text: string) => tryCidr(text)!;
const HOSTILE = '<script>alert("x")</script> & \'vnet\'';
const plan: AddressPlanConfig = { pools: [{ name: 'europe', ranges: [c('10.64.0.0/21')] }], reserved: [c('10.64.1.0/24')], onPremises: [c('10.64.7.240/28')] };
const designs: PlannedDesign[] = [{
  file: 'a.ppvnet.json',
  design: edited(loadSample('seed'), set('vnet-weu', { addressSpaces: ['10.64.0.0/24'], name: HOSTILE }), set('snet-pp-weu', { addressPrefix: '10.64.0.0/25' }),
    set('snet-pe-weu', { addressPrefix: '10.64.0.128/26' }), set('vnet-neu', { addressSpaces: ['10.64.2.0/24'] }), set('snet-pp-neu', { addressPrefix: '10.64.2.0/25' })),
}];
const used = usedRanges(designs);

type Rect = Extract<MapShape, { type: 'rect' }>;
type Text = Extract<MapShape, { type: 'text' }>;
const rects = (shapes: readonly MapShape[]) => shapes.filter((s): s is Rect => s.type === 'rect' && s.kind !== 'bar');
const texts = (shapes: readonly MapShape[]) => shapes.filter((s): s is Text => s.type === 'text').map((t) => t.text);

describe('address map', () => {
  const map = addressMap(plan, used);
  const picture = layoutAddressMap(map);

  it('draws one bar per pool with the used, reserved, on-premises and free blocks in address order, side by side', () => {
    expect(map.bars.map((b) => b.title)).toEqual(['pool europe']);
    const rowOne = rects(picture.shapes).filter((r) => r.kind !== 'subnet');
    const byAddress = [...map.bars[0]!.blocks].filter((b) => b.kind !== 'subnet').sort((a, b) => a.start - b.start);
    const sorted = [...rowOne].sort((a, b) => a.x - b.x);
    expect(sorted.map((r) => r.title)).toEqual(byAddress.map((b) => b.detail));
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.x).toBeGreaterThanOrEqual(sorted[i - 1]!.x + sorted[i - 1]!.width - 0.01);
    // Scaled by address count: the /24 VNet is an eighth of the /21 bar.
    expect(sorted[0]!.width).toBeCloseTo(928 / 8, 1);
    expect(sorted.map((r) => r.kind)).toEqual(['vnet', 'reserved', 'vnet', 'free', 'free', 'free', 'free', 'free', 'free', 'free', 'onPremises']);
  });

  it('draws subnets inside their VNet block as a second row', () => {
    const all = rects(picture.shapes);
    const vnet = all.find((r) => r.kind === 'vnet' && r.title!.includes('10.64.0.0/24'))!;
    const subnets = all.filter((r) => r.kind === 'subnet' && r.title!.includes(HOSTILE));
    expect(subnets).toHaveLength(2);
    for (const s of subnets) {
      expect(s.y).toBeGreaterThan(vnet.y);
      expect(s.x).toBeGreaterThanOrEqual(vnet.x);
      expect(s.x + s.width).toBeLessThanOrEqual(vnet.x + vnet.width + 0.01);
    }
  });

  it('labels free blocks with their CIDR and lists blocks too narrow to label in a numbered legend', () => {
    const words = texts(picture.shapes);
    expect(words).toContain('10.64.3.0/24');
    expect(words).toContain('10.64.4.0/23');
    // The /28 on-premises range is 3.6 px wide: a tick and a legend line, in address order after the free /28.
    expect(words.some((t) => t.includes('10.64.7.240/28') && !/^\d+\. /.test(t))).toBe(false);
    const legend = words.filter((t) => /^\d+\. /.test(t));
    expect(legend.at(-2)).toMatch(/^\d+\. free 10\.64\.7\.224\/28/);
    expect(legend.at(-1)).toMatch(/^\d+\. on-premises range 10\.64\.7\.240\/28/);
    expect(picture.shapes.filter((s) => s.type === 'line')).toHaveLength(legend.length);
  });

  it('never sets text below 9 px', () => {
    const sizes = picture.shapes.flatMap((s) => (s.type === 'text' ? [s.size] : []));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_FONT);
    const svg = renderAddressMapSvg(map);
    for (const m of svg.matchAll(/font-size="([\d.]+)"/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(9);
  });

  it('escapes hostile names and hatches reserved and on-premises ranges with patterns', () => {
    const svg = renderAddressMapSvg(map);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;vnet&apos;');
    expect(svg).toContain('<pattern id="ppvnet-hatch-reserved"');
    expect(svg).toMatch(/fill="url\(#ppvnet-hatch-reserved\)"/);
    expect(svg).toMatch(/fill="url\(#ppvnet-hatch-on-premises\)"/);
    expect(renderAddressMapSvg(addressMap(plan, used))).toBe(svg);
  });

  it('without pools, draws a bar per /16 around the VNets and says so', () => {
    const bare = addressMap({ pools: [], reserved: [], onPremises: [] }, used);
    expect(bare.source).toBe('supernets');
    expect(bare.bars.map((b) => b.ranges.map((r) => r.text))).toEqual([['10.64.0.0/16']]);
    expect(texts(layoutAddressMap(bare).shapes)[0]).toMatch(/No address pools configured/);
    // The VNets fill their bar, so the bar has nothing free; their room for new subnets is what the title adds.
    const vnets = bare.bars[0]!.blocks.filter((b) => b.kind === 'vnet').reduce((n, b) => n + b.end - b.start + 1, 0);
    const subnets = bare.bars[0]!.blocks.filter((b) => b.kind === 'subnet').reduce((n, b) => n + b.end - b.start + 1, 0);
    expect(texts(layoutAddressMap(bare).shapes).some((t) => t.endsWith(` · ${vnets - subnets} in VNets outside subnets`))).toBe(true);
  });

  it('counts VNets outside every pool instead of drawing them', () => {
    const elsewhere = addressMap({ ...plan, pools: [{ name: 'p', ranges: [c('10.99.0.0/16')] }] }, used);
    expect(elsewhere.outsidePools).toBe(2);
    expect(texts(layoutAddressMap(elsewhere).shapes)[0]).toBe('2 VNet ranges lie outside every pool and are not drawn.');
  });
});
