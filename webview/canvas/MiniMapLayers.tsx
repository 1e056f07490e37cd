// What the minimap shows, drawn under React Flow's <MiniMap>, which keeps its pan/zoom gestures but draws no nodes
// (`nodeComponent` below) and no mask (designer.css): the node rectangles in an SVG of their own, and the view's
// window as a layer that a pan only moves. <MiniMap> redrew its mask path on every pan frame, in the same SVG as a
// thousand rectangles, so each frame repainted them all and the document with them.
import { memo, useMemo, type CSSProperties } from 'react';
import { getBoundsOfRects, getNodePositionWithOrigin, getNodesBounds, Panel, useStore, type Node, type NodeOrigin, type ReactFlowState } from 'reactflow';

/** <MiniMap>'s default size and `offsetScale`, which the canvas keeps: these layers must share its viewBox. */
const WIDTH = 200;
const HEIGHT = 150;
const OFFSET_SCALE = 5;

interface Box { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

const viewOf = (s: ReactFlowState): Box => {
  const [tx, ty, zoom] = s.transform;
  return { x: -tx / zoom, y: -ty / zoom, width: s.width / zoom, height: s.height / zoom };
};

/**
 * <MiniMap>'s viewBox (its own arithmetic, reactflow 11): the bounds of every node and of the view, fitted to
 * its size with a margin. It changes during a pan only while the view reaches past the design.
 */
export function miniMapViewBox(s: ReactFlowState): string {
  const view = viewOf(s);
  const nodes = s.getNodes();
  const bounds = nodes.length > 0 ? getBoundsOfRects(getNodesBounds(nodes, s.nodeOrigin), view) : view;
  const scale = Math.max(bounds.width / WIDTH, bounds.height / HEIGHT);
  const width = scale * WIDTH;
  const height = scale * HEIGHT;
  const offset = OFFSET_SCALE * scale;
  return `${bounds.x - (width - bounds.width) / 2 - offset} ${bounds.y - (height - bounds.height) / 2 - offset} ${width + offset * 2} ${height + offset * 2}`;
}

/**
 * Where the view lies on the minimap, in its pixels: the viewBox mapped as an SVG maps it by default
 * (preserveAspectRatio xMidYMid meet: one scale, centred).
 */
export function viewWindow(viewBox: string, view: Box): Box {
  const [bx, by, bw, bh] = viewBox.split(' ').map(Number) as [number, number, number, number];
  // Before React Flow has measured its pane there is nothing to map.
  if (!(bw > 0 && bh > 0)) return { x: 0, y: 0, width: 0, height: 0 };
  const scale = Math.min(WIDTH / bw, HEIGHT / bh);
  const left = (WIDTH - bw * scale) / 2;
  const top = (HEIGHT - bh * scale) / 2;
  return { x: left + (view.x - bx) * scale, y: top + (view.y - by) * scale, width: view.width * scale, height: view.height * scale };
}

/** The nodes <MiniMap> would draw: measured and not hidden. */
const drawnNodes = (s: ReactFlowState): Node[] => s.getNodes().filter((n) => !n.hidden && n.width && n.height);
/** The same nodes as last time (React Flow keeps a node's object while it does not change): nothing to redraw. */
const sameNodes = (a: Node[], b: Node[]): boolean => a.length === b.length && a.every((n, i) => n === b[i]);
const nodeOriginOf = (s: ReactFlowState): NodeOrigin => s.nodeOrigin;
const sameBox = (a: Box, b: Box): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * The rectangles as one path per nesting depth. Each depth is one translucent fill, so a subnet still shows
 * darker on its VNet as with a rectangle per node; one path paints as one operation instead of a thousand.
 */
export function nodeRectPaths(nodes: readonly Node[], nodeOrigin: NodeOrigin): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depthOf = (n: Node): number => {
    let depth = 0;
    for (let p = n.parentNode; p !== undefined && depth < nodes.length; p = byId.get(p)?.parentNode) depth++;
    return depth;
  };
  const paths: string[][] = [];
  for (const n of nodes) {
    const { x, y } = getNodePositionWithOrigin(n, nodeOrigin).positionAbsolute;
    (paths[depthOf(n)] ??= []).push(`M${x},${y}h${n.width}v${n.height}h${-n.width!}z`);
  }
  return [...paths].filter((p) => p !== undefined).map((p) => p.join(''));
}

const MiniMapNodes = memo(function MiniMapNodes({ viewBox }: { readonly viewBox: string }) {
  const nodes = useStore(drawnNodes, sameNodes);
  const nodeOrigin = useStore(nodeOriginOf);
  const paths = useMemo(() => nodeRectPaths(nodes, nodeOrigin), [nodes, nodeOrigin]);
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={viewBox} aria-hidden="true" data-testid="minimap-nodes">
      {paths.map((d, depth) => <path key={depth} className="react-flow__minimap-node" d={d} shapeRendering="crispEdges" />)}
    </svg>
  );
});

export const MiniMapLayers = memo(function MiniMapLayers() {
  const viewBox = useStore(miniMapViewBox);
  const view = useStore(viewOf, sameBox);
  const shown = viewWindow(viewBox, view);
  // Moved by its transform only, so a pan changes no paint; its size changes with the zoom, which repaints anyway.
  const style: CSSProperties = { width: shown.width, height: shown.height, transform: `translate(${shown.x}px, ${shown.y}px)` };
  return (
    <Panel position="bottom-right" className="minimap-layers">
      <MiniMapNodes viewBox={viewBox} />
      <div className="minimap-view" data-testid="minimap-view" style={style} />
    </Panel>
  );
});

/** What <MiniMap> draws per node: nothing, MiniMapLayers has drawn them. */
export function NoMiniMapNode(): null {
  return null;
}
