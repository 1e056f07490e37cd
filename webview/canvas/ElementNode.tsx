// Canvas node for every non-container kind: icon, kind label, name, key property, finding badge. In a large
// design zoomed far out, where no text is legible, it draws only its frame and handles, so the whole stays cheap.
import { memo } from 'react';
import { Handle, Position, useStore, type NodeProps } from 'reactflow';
import { Badge } from '../components';
import type { ElementNodeData } from '../model/flow-model';
import { KindIcon } from './KindIcon';
import { PathMark } from './PathMark';
import { zoomedOutOnLarge } from './level-of-detail';

function ElementNodeView({ data, selected }: NodeProps<ElementNodeData>) {
  const compact = useStore(zoomedOutOnLarge);
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
        {data.pathMark && <PathMark mark={data.pathMark} />}
      </div>
      <div className="node-name" title={e.name}>{e.name}</div>
      {data.keyProperty && <div className="node-prop" title={data.keyProperty}>{data.keyProperty}</div>}
      <Handle type="source" position={Position.Right} aria-label={`connect from ${e.name}`} />
    </div>
  );
}

export const ElementNode = memo(ElementNodeView);
