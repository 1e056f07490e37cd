// The canvas drawn as a picture for the host's "Export Diagram": the nodes where React Flow placed them,
// labelled with the shared vocabulary, as SVG text or PNG base64.
import type { Node } from 'reactflow';
import { DEFAULT_NODE_SIZE } from '../../src/core/layout/layout-graph';
import { kindLabelOf, relationLabel } from '../../src/core/model/labels';
import type { Design } from '../../src/core/model/schema';
import { keyPropertyOf } from '../model/flow-model';
import { diagramSvg, svgToPngBase64, themeColours, type DiagramBox } from './diagram-image';

export async function canvasPicture(design: Design | undefined, nodes: readonly Node[], format: 'svg' | 'png'): Promise<string> {
  const boxes: DiagramBox[] = [];
  const byId = new Map(design?.elements.map((e) => [e.id, e]) ?? []);
  for (const n of nodes) {
    const e = byId.get(n.id);
    if (!e) continue;
    const abs = n.positionAbsolute ?? n.position;
    boxes.push({ element: e, x: abs.x, y: abs.y, width: n.width ?? DEFAULT_NODE_SIZE.width, height: n.height ?? DEFAULT_NODE_SIZE.height, kindLabel: kindLabelOf(e), detail: keyPropertyOf(e), container: e.kind === 'vnet' });
  }
  const lines = (design?.relations ?? []).map((r) => ({ from: r.from, to: r.to, label: relationLabel(r) }));
  const picture = diagramSvg(boxes, lines, themeColours());
  return format === 'svg' ? picture.svg : svgToPngBase64(picture.svg, picture.width, picture.height);
}
