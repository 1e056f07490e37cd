// "Show me": selects an element or relation and centres the canvas on it (a relation frames both ends),
// for the problems list, the connectivity panel and the host's revealElement.
import { useCallback } from 'react';
import { DEFAULT_NODE_SIZE } from '../../src/core/layout/layout-graph';
import type { PageTools } from '../state/page-tools';

export function useReveal({ flow, designRef, setSelection }: Pick<PageTools, 'flow' | 'designRef' | 'setSelection'>) {
  return useCallback((id: string) => {
    setSelection([id]);
    const node = flow.getNode(id);
    if (node) {
      const abs = node.positionAbsolute ?? node.position;
      flow.setCenter(abs.x + (node.width ?? DEFAULT_NODE_SIZE.width) / 2, abs.y + (node.height ?? DEFAULT_NODE_SIZE.height) / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 });
    } else {
      const rel = designRef.current?.relations.find((r) => r.id === id);
      if (rel) flow.fitView({ nodes: [{ id: rel.from }, { id: rel.to }], duration: 300, padding: 0.4 });
    }
  }, [designRef, flow, setSelection]);
}
