// Container node for a virtual network: title row with region and address space; subnets and gateways
// are child nodes placed inside it. Resizable when selected; the new size is one moveElements edit.
import { memo, useContext } from 'react';
import { Handle, NodeResizer, Position, type NodeProps } from 'reactflow';
import { Badge } from '../components';
import type { ElementNodeData } from '../model/flow-model';
import { CanvasCallbacksContext } from './canvas-callbacks';
import { KindIcon } from './KindIcon';

function VnetNodeView({ id, data, selected }: NodeProps<ElementNodeData>) {
  const callbacks = useContext(CanvasCallbacksContext);
  const e = data.element;
  const f = data.findings;
  return (
    <div className={`vnet-node${selected ? ' selected' : ''}${f ? ` has-${f.worst}` : ''}`} data-testid={`node-${e.id}`}>
      <NodeResizer isVisible={selected} minWidth={220} minHeight={120} lineClassName="vnet-resize-line" handleClassName="vnet-resize-handle"
        onResizeEnd={(_, p) => callbacks.resized(id, p)} />
      <Handle type="target" position={Position.Left} aria-label={`connect into ${e.name}`} />
      <div className="node-head">
        <KindIcon kind="vnet" />
        <span className="node-kind">{data.kindLabel}</span>
        <span className="node-name" title={e.name}>{e.name}</span>
        {f && <Badge count={f.count} severity={f.worst} label={`${f.count} finding${f.count === 1 ? '' : 's'}, worst ${f.worst}`} />}
      </div>
      {data.keyProperty && <div className="node-prop">{data.keyProperty}</div>}
      <Handle type="source" position={Position.Right} aria-label={`connect from ${e.name}`} />
    </div>
  );
}

export const VnetNode = memo(VnetNodeView);
