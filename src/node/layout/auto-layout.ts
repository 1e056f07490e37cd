// Host-side auto-layout for designs that arrive without positions (IaC import, Azure import): runs elkjs
// in-process with estimated node sizes. The designer webview lays out with measured sizes in a worker.
import { applyEdit } from '../../core/model/design-edits';
import { buildLayoutGraph, movesFromLayout, type LayoutNode } from '../../core/layout/layout-graph';
import type { Design } from '../../core/model/schema';

/** Returns the design with every element placed (and VNets sized) by the layered layout; the input is not changed. */
export async function layoutDesign(design: Design): Promise<Design> {
  if (design.elements.length === 0) return design;
  // Loaded on first use: elk is 1.5 MB of the extension's bundle, and evaluating it with the rest made every
  // activation slower although only an import of IaC or Azure lays a design out.
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const graph = buildLayoutGraph(design);
  const laidOut = (await elk.layout(graph as Parameters<typeof elk.layout>[0])) as LayoutNode;
  const result = applyEdit(design, { op: 'moveElements', moves: movesFromLayout(design, laidOut) });
  if (!result.ok) throw new Error(`auto-layout produced an invalid design: ${result.error}`);
  return result.design;
}
