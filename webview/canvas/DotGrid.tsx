// The canvas's dot grid as one composited layer that a pan only moves. React Flow's <Background> is an SVG
// pattern whose offset changes on every pan frame, so the whole pane was repainted and re-rasterised per frame:
// half of the pan's raster work in the scale e2e's trace. Here the dots are painted once per zoom, on a layer
// one grid step larger than the pane, and a pan shifts that layer by the remainder of the offset.
import { memo } from 'react';
import { useStore, type ReactFlowState } from 'reactflow';

/** Grid step in flow units (nodes are not snapped to it; it only gives the canvas a sense of scale and motion). */
const GAP = 24;
/** Below this spacing on screen the dots are a grey wash, not a grid: none is drawn (a large design's fit). */
const MIN_SCREEN_GAP = 6;

const transformSelector = (s: ReactFlowState) => s.transform;

export const DotGrid = memo(function DotGrid() {
  const [tx, ty, zoom] = useStore(transformSelector);
  const gap = GAP * zoom;
  if (gap < MIN_SCREEN_GAP) return null;
  const radius = Math.max(0.5, zoom / 2);
  // The layer starts one step up and left of the pane, so shifting it by up to one step never uncovers an edge.
  const dx = mod(tx, gap) - gap;
  const dy = mod(ty, gap) - gap;
  return (
    <div className="canvas-grid" aria-hidden="true">
      <div
        className="canvas-grid-dots"
        style={{
          width: `calc(100% + ${2 * gap}px)`,
          height: `calc(100% + ${2 * gap}px)`,
          backgroundSize: `${gap}px ${gap}px`,
          // A dot on each grid point: the gradient's centre is moved from the tile's middle to its corner.
          backgroundPosition: `${-gap / 2}px ${-gap / 2}px`,
          backgroundImage: `radial-gradient(circle, currentColor ${radius}px, transparent ${radius + 0.5}px)`,
          transform: `translate(${dx}px, ${dy}px)`,
        }}
      />
    </div>
  );
});

/** The remainder in [0, m), also for negative offsets (JavaScript's % keeps the sign of the dividend). */
function mod(v: number, m: number): number {
  return ((v % m) + m) % m;
}
