// @vitest-environment jsdom
// The minimap's layers draw what React Flow's own <MiniMap> would draw, in the same viewBox, and put the view's
// window where <MiniMap>'s mask leaves its hole: checked against a real <MiniMap> drawing its default nodes and mask.
import { act, createElement, useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MiniMap, ReactFlowProvider, useStoreApi, type Node } from 'reactflow';
import { afterEach, describe, expect, it } from 'vitest';
import { MiniMapLayers, viewWindow } from '../../../webview/canvas/MiniMapLayers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLDivElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

const node = (id: string, x: number, y: number, width: number, height: number, extra: Partial<Node> = {}): Node =>
  ({ id, position: { x, y }, data: {}, width, height, ...extra });

/** Two VNets with subnets inside (positions relative to their VNet), loose elements, a hidden and an unmeasured one. */
const NODES: Node[] = [
  node('vnet-a', 0, 0, 600, 400),
  node('snet-a1', 20, 40, 260, 120, { parentNode: 'vnet-a' }),
  node('snet-a2', 300, 40, 260, 120, { parentNode: 'vnet-a' }),
  node('vnet-b', 900, 120, 500, 300),
  node('snet-b1', 30, 50, 200, 90, { parentNode: 'vnet-b' }),
  node('env', -400, 700, 180, 60),
  node('policy', 1500, -300, 180, 60),
  node('hidden', 3000, 3000, 180, 60, { hidden: true }),
  { id: 'unmeasured', position: { x: -2000, y: 0 }, data: {} },
];

function render(transform: [number, number, number]): { layer: SVGSVGElement; stock: SVGSVGElement; view: HTMLElement } {
  function SetState() {
    const store = useStoreApi();
    useLayoutEffect(() => {
      store.getState().setNodes(NODES);
      store.setState({ width: 1200, height: 800, transform });
    }, [store]);
    return null;
  }
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(createElement(ReactFlowProvider, null, createElement(SetState), createElement(MiniMapLayers), createElement(MiniMap))));
  return { layer: host.querySelector('[data-testid="minimap-nodes"]')!, stock: host.querySelector('.react-flow__minimap svg')!, view: host.querySelector('[data-testid="minimap-view"]')! };
}

const rectsOfStock = (svg: SVGSVGElement) => [...svg.querySelectorAll('rect')].map((r) => ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a))).join(' ')).sort();
const rectsOfPath = (d: string) => [...d.matchAll(/M(-?[\d.]+),(-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h-?[\d.]+z/g)].map((m) => [m[1], m[2], m[3], m[4]].map(Number).join(' '));

describe('the minimap layers', () => {
  it('map the viewBox as an SVG does, one scale and centred', () => {
    // 420 × 320 in 200 × 150: the height decides (150 / 320), the width is centred with 1.5625 px either side.
    expect(viewWindow('0 0 420 320', { x: 0, y: 0, width: 420, height: 320 })).toEqual({ x: 1.5625, y: 0, width: 196.875, height: 150 });
    expect(viewWindow('-100 50 420 320', { x: 60, y: 210, width: 64, height: 32 })).toEqual({ x: 1.5625 + 75, y: 75, width: 30, height: 15 });
  });

  for (const [name, transform] of [['inside the design', [-100, -50, 1.2]], ['reaching past it', [2500, 1800, 0.4]]] as const) {
    it(`shares <MiniMap>'s viewBox with the view ${name}`, () => {
      const { layer, stock, view } = render([...transform]);
      expect(stock.getAttribute('viewBox')).toMatch(/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/);
      expect(layer.getAttribute('viewBox')).toBe(stock.getAttribute('viewBox'));
      // The window sits on the hole of <MiniMap>'s mask: its path's second rectangle is the view, in flow units.
      const hole = /M(-?[\d.]+),(-?[\d.]+)h([\d.]+)v([\d.]+)h-?[\d.]+z\s*$/.exec(stock.querySelector('.react-flow__minimap-mask')!.getAttribute('d')!)!;
      const [x, y, width, height] = hole.slice(1).map(Number) as [number, number, number, number];
      const expected = viewWindow(stock.getAttribute('viewBox')!, { x, y, width, height });
      expect(view.style.transform).toBe(`translate(${expected.x}px, ${expected.y}px)`);
      expect([view.style.width, view.style.height]).toEqual([`${expected.width}px`, `${expected.height}px`]);
      expect(expected.width).toBeCloseTo((1200 / transform[2]) * 150 / Number(stock.getAttribute('viewBox')!.split(' ')[3]), 6);
    });
  }

  it("draws <MiniMap>'s rectangles, the nested ones on a path of their own", () => {
    const { layer, stock } = render([0, 0, 1]);
    const paths = [...layer.querySelectorAll('path.react-flow__minimap-node')].map((p) => p.getAttribute('d') ?? '');
    expect(paths.flatMap(rectsOfPath).sort()).toEqual(rectsOfStock(stock));
    expect(rectsOfStock(stock)).toHaveLength(7);
    // Depth 0 (VNets and loose elements), depth 1 (subnets at their absolute positions).
    expect(paths.map((d) => rectsOfPath(d).length)).toEqual([4, 3]);
    expect(rectsOfPath(paths[1]!)).toContain('930 170 200 90');
  });
});
