// Panning moves one composited layer instead of repainting the canvas: while the viewport only translates,
// the canvas element carries the `panning` class, which gives React Flow's viewport `will-change: transform`.
import { useCallback, useMemo, useRef } from 'react';
import type { Viewport } from 'reactflow';

/**
 * Without a layer of its own, every pan frame re-rasterises the nodes, edges and labels in view (the scale
 * e2e's pan trace: a third less raster work with the layer). The layer is kept only while the zoom stays where
 * the gesture started: a composited layer is not re-rasterised when its scale changes, so a zoom under it would
 * show blurred text; zooming repaints at the new scale as before, and the gesture's end drops the layer, so what
 * stays on screen is painted at its own scale. The class is set on the DOM node, not in React state, so starting
 * and ending a pan renders nothing.
 */
export function usePanLayer() {
  const ref = useRef<HTMLDivElement>(null);
  const startZoom = useRef<number | undefined>(undefined);
  const onMoveStart = useCallback((_: unknown, viewport: Viewport) => {
    startZoom.current = viewport.zoom;
    ref.current?.classList.add(PANNING);
  }, []);
  const onMove = useCallback((_: unknown, viewport: Viewport) => {
    if (startZoom.current !== undefined && viewport.zoom !== startZoom.current) ref.current?.classList.remove(PANNING);
  }, []);
  const onMoveEnd = useCallback(() => {
    startZoom.current = undefined;
    ref.current?.classList.remove(PANNING);
  }, []);
  return useMemo(() => ({ ref, onMoveStart, onMove, onMoveEnd }), [onMoveStart, onMove, onMoveEnd]);
}

/** The class `designer.css` keys the viewport's `will-change` on. */
export const PANNING = 'panning';
