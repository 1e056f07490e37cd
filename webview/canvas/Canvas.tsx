// The React Flow canvas: renders the design's nodes and edges, turns gestures into edits (drag stop →
// one moveElements, connect → one addRelation, palette drop → one addElements) and reports selection.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import ReactFlow, {
  applyEdgeChanges, applyNodeChanges, Background, ConnectionMode, useNodesInitialized, useReactFlow, Controls, MiniMap, type Connection, type EdgeChange, type Node, type NodeChange, type OnSelectionChangeParams,
} from 'reactflow';
import { parentOf, type Design } from '../../src/core/model/schema';
import { DEFAULT_NODE_SIZE } from '../../src/core/layout/layout-graph';
import type { Finding } from '../../src/core/rules/rule';
import { judgeConnection, newRelation } from '../model/connection-rules';
import { designToFlow, newFlowCache, type ElementFlowNode, type RelationFlowEdge } from '../model/flow-model';
import { paletteItem, type PaletteItem } from '../model/element-factory';
import { PALETTE_MIME } from '../palette/Palette';
import { CanvasCallbacksContext, type CanvasCallbacks } from './canvas-callbacks';
import { NODE_TYPES } from './node-types';
import type { DesignEdit } from '../../src/core/model/design-edits';

export interface CanvasProps {
  readonly design: Design;
  readonly findings: readonly Finding[];
  readonly selection: readonly string[];
  readonly onSelection: (ids: string[]) => void;
  readonly edit: (label: string, edit: DesignEdit) => void;
  readonly notify: (message: string) => void;
  readonly onDropItem: (item: PaletteItem, screen: { x: number; y: number }) => void;
}

// A first element on an empty canvas must not be blown up to the maximum zoom.
const FIT_OPTIONS = { maxZoom: 1, padding: 0.2 };
/** Above this many elements only the visible ones are rendered. */
const LARGE_DESIGN = 300;

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export const Canvas = memo(function Canvas({ design, findings, selection, onSelection, edit, notify, onDropItem }: CanvasProps) {
  const cache = useRef(newFlowCache());
  const [nodes, setNodes] = useState<ElementFlowNode[]>([]);
  const [edges, setEdges] = useState<RelationFlowEdge[]>([]);
  const selectionRef = useRef(selection);
  selectionRef.current = selection;

  useEffect(() => {
    const flow = designToFlow(design, findings, { selected: new Set(selectionRef.current), cache: cache.current });
    setNodes(flow.nodes);
    setEdges(flow.edges);
  }, [design, findings]);

  // Fit the view once to the design as opened. A design opened empty is never fitted later: the first
  // element dropped would otherwise jump to the middle of the screen, away from where it was dropped.
  const { fitView, fitBounds } = useReactFlow();
  const fitted = useRef<'pending' | 'done'>('pending');
  const initialized = useNodesInitialized();
  useEffect(() => {
    if (fitted.current === 'done') return;
    if (design.elements.length === 0) {
      fitted.current = 'done';
      return;
    }
    if (initialized) {
      fitted.current = 'done';
      fitView(FIT_OPTIONS);
    } else if (design.elements.length > LARGE_DESIGN) {
      // Off-screen nodes of a large design are never rendered, so never measured: fit to the stored boxes.
      fitted.current = 'done';
      const boxes = design.elements.filter((e) => !parentOf(e) && e.position).map((e) => ({
        x: e.position!.x, y: e.position!.y,
        w: e.kind === 'vnet' && e.size ? e.size.width : DEFAULT_NODE_SIZE.width,
        h: e.kind === 'vnet' && e.size ? e.size.height : DEFAULT_NODE_SIZE.height,
      }));
      if (boxes.length === 0) return;
      const x = Math.min(...boxes.map((b) => b.x));
      const y = Math.min(...boxes.map((b) => b.y));
      fitBounds({ x, y, width: Math.max(...boxes.map((b) => b.x + b.w)) - x, height: Math.max(...boxes.map((b) => b.y + b.h)) - y }, { padding: 0.05 });
    }
  }, [design, initialized, fitView, fitBounds]);

  // Selection set from outside (problems list, reveal, paste) is mirrored onto the nodes and edges.
  useEffect(() => {
    const sel = new Set(selection);
    setNodes((ns) => (ns.some((n) => sel.has(n.id) !== !!n.selected) ? ns.map((n) => (sel.has(n.id) !== !!n.selected ? { ...n, selected: sel.has(n.id) } : n)) : ns));
    setEdges((es) => (es.some((e) => sel.has(e.id) !== !!e.selected) ? es.map((e) => (sel.has(e.id) !== !!e.selected ? { ...e, selected: sel.has(e.id) } : e)) : es));
  }, [selection]);

  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns) as ElementFlowNode[]), []);
  const onEdgesChange = useCallback((changes: EdgeChange[]) => setEdges((es) => applyEdgeChanges(changes, es) as RelationFlowEdge[]), []);
  const onSelectionChange = useCallback(({ nodes: n, edges: e }: OnSelectionChangeParams) => {
    const ids = [...n.map((x) => x.id), ...e.map((x) => x.id)];
    if (!sameIds(ids, selectionRef.current)) onSelection(ids);
  }, [onSelection]);

  const designRef = useRef(design);
  designRef.current = design;

  const onNodeDragStop = useCallback((_: unknown, _node: Node, dragged: Node[]) => {
    const byId = new Map(designRef.current.elements.map((e) => [e.id, e]));
    const moves = dragged
      .filter((n) => {
        const p = byId.get(n.id)?.position;
        return !p || Math.round(p.x) !== Math.round(n.position.x) || Math.round(p.y) !== Math.round(n.position.y);
      })
      .map((n) => ({ id: n.id, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) } }));
    if (moves.length) edit(moves.length === 1 ? 'Move element' : `Move ${moves.length} elements`, { op: 'moveElements', moves });
  }, [edit]);

  const callbacks = useMemo<CanvasCallbacks>(() => ({
    resized: (id, box) => edit('Resize virtual network', {
      op: 'moveElements', moves: [{ id, position: { x: Math.round(box.x), y: Math.round(box.y) }, size: { width: Math.round(box.width), height: Math.round(box.height) } }],
    }),
  }), [edit]);

  // Every handle-to-handle drop reaches onConnect, which either adds the relation or says why not.
  const onConnect = useCallback((c: Connection) => {
    if (!c.source || !c.target) return;
    const d = designRef.current;
    const verdict = judgeConnection(d, c.source, c.target);
    if (!verdict.ok) return notify(verdict.reason);
    edit('Connect', { op: 'addRelation', relation: newRelation(d, verdict) });
  }, [edit, notify]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDrop = useCallback((e: DragEvent) => {
    const key = e.dataTransfer.getData(PALETTE_MIME);
    const item = key ? paletteItem(key) : undefined;
    if (!item) return;
    e.preventDefault();
    onDropItem(item, { x: e.clientX, y: e.clientY });
  }, [onDropItem]);

  const large = design.elements.length > LARGE_DESIGN;
  return (
    <CanvasCallbacksContext.Provider value={callbacks}>
      <div className="canvas" data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onSelectionChange={onSelectionChange}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          connectionMode={ConnectionMode.Loose}
          connectionRadius={36}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Control', 'Meta', 'Shift']}
          selectionOnDrag={false}
          onlyRenderVisibleElements={large}
          minZoom={0.05}
          maxZoom={2.5}
          proOptions={{ hideAttribution: true }}
          elevateNodesOnSelect={false}
        >
          <Background gap={24} />
          <MiniMap pannable zoomable ariaLabel="Mini map" nodeStrokeWidth={2} />
          <Controls showInteractive={false} aria-label="Zoom controls" />
        </ReactFlow>
      </div>
    </CanvasCallbacksContext.Provider>
  );
});
