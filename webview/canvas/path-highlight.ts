// Marks a chosen flow's path on the canvas nodes and edges: on-path, dimmed off-path, and the element that
// decided the verdict with its reason. Pure; returns the same arrays when nothing is highlighted.
import type { Verdict } from '../../src/core/verify/flow';
import type { ElementFlowNode, RelationFlowEdge } from '../model/flow-model';

export interface PathHighlight {
  /** Elements and relations on the path. */
  readonly ids: ReadonlySet<string>;
  /** The element or relation whose hop decided a blocked or unknown verdict. */
  readonly decidingId?: string;
  readonly verdict: Verdict;
  /** The deciding hop's sentence, shown on the deciding element's badge. */
  readonly reason?: string;
}

export function highlightNodes(nodes: ElementFlowNode[], h: PathHighlight | undefined): ElementFlowNode[] {
  if (!h) return nodes;
  return nodes.map((n) => {
    if (n.id === h.decidingId) {
      return { ...n, className: `path-on path-deciding verdict-${h.verdict}`, data: { ...n.data, pathMark: { verdict: h.verdict, reason: h.reason ?? '' } } };
    }
    return { ...n, className: h.ids.has(n.id) ? 'path-on' : 'path-off' };
  });
}

export function highlightEdges(edges: RelationFlowEdge[], h: PathHighlight | undefined): RelationFlowEdge[] {
  if (!h) return edges;
  return edges.map((e) => {
    const mark = e.id === h.decidingId ? `path-on path-deciding verdict-${h.verdict}` : h.ids.has(e.id) ? 'path-on' : 'path-off';
    return { ...e, className: `${e.className ?? ''} ${mark}`.trim() };
  });
}
