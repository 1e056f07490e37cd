// Canvas node for every non-container kind: icon, kind label, name, key property, finding badge. Zoomed far
// out, where no text is legible, it draws only its frame and handles: a whole large design then stays cheap.
import { memo } from 'react';
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from 'reactflow';
import { Badge } from '../components';
import type { ElementNodeData } from '../model/flow-model';
import { KindIcon } from './KindIcon';

/** Below this zoom a node's 11 px text is under 4 px on screen. */
export const COMPACT_BELOW_ZOOM = 0.35;
const compactSelector = (s: ReactFlowState) => s.transform[2] < COMPACT_BELOW_ZOOM;

function ElementNodeView({ data, selected }: NodeProps<ElementNodeData>) {
  const compact = useStore(compactSelector);
  const e = data.element;
  const f = data.findings;
  const className = `element-node kind-${e.kind}${selected ? ' selected' : ''}${f ? ` has-${f.worst}` : ''}`;
  if (compact) {
    return (
      <div className={`${className} compact`} data-testid={`node-${e.id}`}>
        <Handle type="target" position={Position.Left} aria-label={`connect into ${e.name}`} />
        <Handle type="source" position={Position.Right} aria-label={`connect from ${e.name}`} />
      </div>
    );
  }
  return (
    <div className={className} data-testid={`node-${e.id}`}>
      <Handle type="target" position={Position.Left} aria-label={`connect into ${e.name}`} />
      <div className="node-head">
        <KindIcon kind={e.kind} serviceType={e.kind === 'azureService' ? e.serviceType : undefined} />
        <span className="node-kind">{data.kindLabel}</span>
        {f && <Badge count={f.count} severity={f.worst} label={`${f.count} finding${f.count === 1 ? '' : 's'}, worst ${f.worst}`} />}
      </div>
      <div className="node-name" title={e.name}>{e.name}</div>
      {data.keyProperty && <div className="node-prop" title={data.keyProperty}>{data.keyProperty}</div>}
      <Handle type="source" position={Position.Right} aria-label={`connect from ${e.name}`} />
    </div>
  );
}

export const ElementNode = memo(ElementNodeView);
