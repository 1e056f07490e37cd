// Container node for a virtual network: title row with region and address space; subnets and gateways
// are child nodes placed inside it. Resizable when selected, never smaller than its children; the new
// size is one moveElements edit.
import { memo, useCallback, useContext, useRef } from 'react';
import { Handle, NodeResizer, Position, useStore, type NodeProps, type ReactFlowState } from 'reactflow';
import { Badge } from '../components';
import type { ElementNodeData } from '../model/flow-model';
import { CanvasCallbacksContext } from './canvas-callbacks';
import { KindIcon } from './KindIcon';
import { PathMark } from './PathMark';

function VnetNodeView({ id, data, selected }: NodeProps<ElementNodeData>) {
  const callbacks = useContext(CanvasCallbacksContext);
  const e = data.element;
  const f = data.findings;
  // Only the selected VNet (the one showing resize handles) scans the store for its children's extent.
  const extent = useStore(useCallback((s: ReactFlowState) => (selected ? childExtent(s, id) : ''), [selected, id]));
  const [minWidth, minHeight] = extent ? extent.split(',').map(Number) as [number, number] : [MIN.width, MIN.height];
  const start = useRef<{ width: number; height: number; x: number; y: number }>();
  return (
    <div className={`vnet-node${selected ? ' selected' : ''}${f ? ` has-${f.worst}` : ''}`} data-testid={`node-${e.id}`}>
      <NodeResizer isVisible={selected} minWidth={minWidth} minHeight={minHeight} lineClassName="vnet-resize-line" handleClassName="vnet-resize-handle"
        onResizeStart={(_, p) => { start.current = p; }}
        onResizeEnd={(_, p) => {
          // A click on a handle without a drag is no resize, and no undo step.
          const s0 = start.current;
          if (!s0 || s0.width !== p.width || s0.height !== p.height || s0.x !== p.x || s0.y !== p.y) callbacks.resized(id, p);
        }} />
      <Handle type="target" position={Position.Left} aria-label={`connect into ${e.name}`} />
      <div className="node-head">
        <KindIcon kind="vnet" />
        <span className="node-kind">{data.kindLabel}</span>
        <span className="node-name" title={e.name}>{e.name}</span>
        {f && <Badge count={f.count} severity={f.worst} label={`${f.count} finding${f.count === 1 ? '' : 's'}, worst ${f.worst}`} />}
        {data.pathMark && <PathMark mark={data.pathMark} />}
      </div>
      {data.keyProperty && <div className="node-prop">{data.keyProperty}</div>}
      <Handle type="source" position={Position.Right} aria-label={`connect from ${e.name}`} />
    </div>
  );
}

const MIN = { width: 220, height: 120 };
/** Room kept right of and below the outermost child, as palette adds and pastes leave it. */
const PAD = 12;

/** "minWidth,minHeight" that keep every child inside the frame (a string, so the store selector compares cheaply). */
export function childExtent(s: Pick<ReactFlowState, 'nodeInternals'>, vnetId: string): string {
  let w = MIN.width;
  let h = MIN.height;
  for (const n of s.nodeInternals.values()) {
    if (n.parentNode !== vnetId) continue;
    w = Math.max(w, Math.ceil(n.position.x + (n.width ?? 0) + PAD));
    h = Math.max(h, Math.ceil(n.position.y + (n.height ?? 0) + PAD));
  }
  return `${w},${h}`;
}

export const VnetNode = memo(VnetNodeView);
