// Auto-layout on the page: measures the drawn nodes, lays the design out in the worker, sends the moves
// as one edit and frames the result. The toolbar starts elk when the user heads for the button (not on a
// timer after every open, which made its evaluation land in the middle of the first pan).
import { useCallback, useState } from 'react';
import { buildLayoutGraph, DEFAULT_NODE_SIZE, movesFromLayout } from '../../src/core/layout/layout-graph';
import { viewportShowing } from '../model/viewport-fit';
import type { PageTools } from '../state/page-tools';
import { layoutInWorker } from './layout-client';

export function useAutoLayout({ flow, designRef, edit, say }: Pick<PageTools, 'flow' | 'designRef' | 'edit' | 'say'>) {
  const [busy, setBusy] = useState(false);

  const autoLayout = useCallback(async () => {
    const d = designRef.current;
    if (!d || busy) return;
    if (d.elements.length === 0) return say('Nothing to lay out yet.');
    setBusy(true);
    say('Laying out…');
    try {
      const measured = new Map(flow.getNodes().map((n) => [n.id, n]));
      const graph = buildLayoutGraph(d, (e) => {
        const n = measured.get(e.id);
        return n?.width && n.height && e.kind !== 'vnet' ? { width: n.width, height: n.height } : undefined;
      });
      const t0 = performance.now();
      const laidOut = await layoutInWorker(graph);
      const latest = designRef.current ?? d;
      const moves = movesFromLayout(latest, laidOut);
      if (edit('Auto-layout', { op: 'moveElements', moves })) {
        say(`Laid out ${moves.length} elements in ${Math.round(performance.now() - t0)} ms.`);
        // React Flow draws the new positions a little later (much later on a busy machine): fit to the
        // layout's own boxes, or the view would frame the drawing as it was before.
        const rect = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
        const boxes = (laidOut.children ?? []).flatMap((n) => (n.x === undefined || n.y === undefined ? [] : [{ x: n.x, y: n.y, width: n.width ?? DEFAULT_NODE_SIZE.width, height: n.height ?? DEFAULT_NODE_SIZE.height }]));
        const view = rect ? viewportShowing(boxes, rect.width, rect.height) : undefined;
        if (view) void flow.setViewport(view, { duration: 300 });
      }
    } catch (e) {
      say(`Auto-layout failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      setBusy(false);
    }
  }, [busy, designRef, edit, flow, say]);
  return { busy, autoLayout };
}
