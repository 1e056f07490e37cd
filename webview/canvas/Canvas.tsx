// The React Flow canvas: renders the design's nodes and edges, turns gestures into edits (drag stop →
// one moveElements, connect → one addRelation, palette drop → one addElements) and reports selection.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import ReactFlow, {
  applyEdgeChanges, ConnectionMode, useReactFlow, useStore, Controls, MiniMap, type Connection, type EdgeChange, type Node, type NodeChange, type OnSelectionChangeParams, type ReactFlowState,
} from 'reactflow';
import type { Design } from '../../src/core/model/schema';
import type { Finding } from '../../src/core/rules/rule';
import { judgeConnection, newRelation } from '../model/connection-rules';
import { designToFlow, newFlowCache, type ElementFlowNode, type RelationFlowEdge } from '../model/flow-model';
import { paletteItem, type PaletteItem } from '../model/element-factory';
import { PALETTE_MIME } from '../palette/Palette';
import { CanvasCallbacksContext, type CanvasCallbacks } from './canvas-callbacks';
import { COMPACT_BELOW_ZOOM, LARGE_DESIGN } from './level-of-detail';
import { NODE_TYPES } from './node-types';
import { applyNodeChangesById } from './node-changes';
import { highlightEdges, highlightNodes, type PathHighlight } from './path-highlight';
import { markOnce } from '../host/perf-marks';
import { usePanLayer } from './pan-layer';
import { DotGrid } from './DotGrid';
import { MiniMapLayers, NoMiniMapNode } from './MiniMapLayers';
import type { DesignEdit } from '../../src/core/model/design-edits';

export interface CanvasProps {
  readonly design: Design;
  readonly findings: readonly Finding[];
  readonly selection: readonly string[];
  readonly onSelection: (ids: string[]) => void;
  readonly edit: (label: string, edit: DesignEdit) => void;
  readonly notify: (message: string) => void;
  readonly onDropItem: (item: PaletteItem, screen: { x: number; y: number }) => void;
  /** The path of the flow chosen in the Connectivity panel. */
  readonly highlight?: PathHighlight;
}

// A first element on an empty canvas must not be blown up to the maximum zoom.
const FIT_OPTIONS = { maxZoom: 1, padding: 0.2 };
const MIN_ZOOM = 0.05;
/** A design of thousands of elements must still fit the view when opened. */
const MIN_ZOOM_LARGE = 0.005;

const zoomedOutSelector = (s: ReactFlowState) => s.transform[2] < COMPACT_BELOW_ZOOM;

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export const Canvas = memo(function Canvas({ design, findings, selection, onSelection, edit, notify, onDropItem, highlight }: CanvasProps) {
  const cache = useRef(newFlowCache());
  // Sizes React Flow measured, outside React state: a node scrolled into view is measured, and putting
  // that into the controlled nodes would rebuild every node of the flow for each one (long frames while panning).
  const measured = useRef(new Map<string, { width: number; height: number }>());
  const [nodes, setNodes] = useState<ElementFlowNode[]>([]);
  const [edges, setEdges] = useState<RelationFlowEdge[]>([]);
  const selectionRef = useRef(selection);
  selectionRef.current = selection;

  useEffect(() => {
    markOnce('first-flow-start');
    const flow = designToFlow(design, findings, { selected: new Set(selectionRef.current), cache: cache.current, measured: measured.current });
    markOnce('first-flow-end', { nodes: flow.nodes.length, edges: flow.edges.length });
    setNodes(flow.nodes);
    setEdges(flow.edges);
  }, [design, findings]);

  // Startup timeline: the first commit with nodes, and the frame after it (the first one painted).
  useEffect(() => {
    if (nodes.length === 0) return;
    markOnce('first-nodes-committed', { nodes: nodes.length });
    requestAnimationFrame(() => setTimeout(() => markOnce('first-nodes-painted'), 0));
  }, [nodes.length]);

  // Fit the view once to the design as opened. A design opened empty is never fitted later: the first
  // element dropped would otherwise jump to the middle of the screen, away from where it was dropped.
  // Nodes carry their sizes before they are drawn, so this fits nodes a large design never renders; it waits
  // for the viewport (before it, useReactFlow's fitView does nothing) and for the nodes to reach the store.
  const { fitView, viewportInitialized } = useReactFlow();
  const [fitted, setFitted] = useState(false);
  useEffect(() => {
    if (fitted) return;
    if (design.elements.length === 0) {
      setFitted(true);
      return;
    }
    if (!viewportInitialized || nodes.length === 0) return;
    setFitted(true);
    fitView({ ...FIT_OPTIONS, minZoom: design.elements.length > LARGE_DESIGN ? MIN_ZOOM_LARGE : MIN_ZOOM });
    markOnce('first-fit');
  }, [design, nodes, viewportInitialized, fitView, fitted]);

  // Selection set from outside (problems list, reveal, paste) is mirrored onto the nodes and edges.
  useEffect(() => {
    const sel = new Set(selection);
    setNodes((ns) => (ns.some((n) => sel.has(n.id) !== !!n.selected) ? ns.map((n) => (sel.has(n.id) !== !!n.selected ? { ...n, selected: sel.has(n.id) } : n)) : ns));
    setEdges((es) => (es.some((e) => sel.has(e.id) !== !!e.selected) ? es.map((e) => (sel.has(e.id) !== !!e.selected ? { ...e, selected: sel.has(e.id) } : e)) : es));
  }, [selection]);

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    const rest: NodeChange[] = [];
    for (const c of changes) {
      // A measurement (not a resize by the user): React Flow keeps it in its own store already.
      if (c.type === 'dimensions' && c.resizing === undefined && !c.updateStyle) {
        if (c.dimensions) measured.current.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
      } else {
        rest.push(c);
      }
    }
    if (rest.length) setNodes((ns) => applyNodeChangesById(rest, ns));
  }, []);
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
  // Dragging a box selection by its frame moves the same nodes, reported by a different React Flow event.
  const onSelectionDragStop = useCallback((e: unknown, dragged: Node[]) => onNodeDragStop(e, dragged[0]!, dragged), [onNodeDragStop]);

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
  // Zoomed far out on a large design, a VNet's subnets and gateways are specks inside it: leave them out,
  // which halves what the whole-design view (and its minimap) draws. Until the first fit a large design is
  // taken as zoomed out, or its children would all be drawn once at the default zoom and dropped a frame later.
  const zoomedOut = useStore(zoomedOutSelector) || !fitted;
  const shown = useMemo(
    () => (large && zoomedOut ? nodes.map((n) => (n.parentNode && !n.selected ? { ...n, hidden: true } : n)) : nodes),
    [large, zoomedOut, nodes],
  );
  // Applied to what is drawn, not to the state: the marks come and go without touching the design's nodes.
  const litNodes = useMemo(() => highlightNodes(shown, highlight), [shown, highlight]);
  const litEdges = useMemo(() => highlightEdges(edges, highlight), [edges, highlight]);
  const pan = usePanLayer();
  return (
    <CanvasCallbacksContext.Provider value={callbacks}>
      <div className="canvas" data-testid="canvas" ref={pan.ref} onDragOver={onDragOver} onDrop={onDrop}>
        <ReactFlow
          nodes={litNodes}
          edges={litEdges}
          nodeTypes={NODE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onSelectionChange={onSelectionChange}
          onNodeDragStop={onNodeDragStop}
          onSelectionDragStop={onSelectionDragStop}
          onConnect={onConnect}
          onMoveStart={pan.onMoveStart}
          onMove={pan.onMove}
          onMoveEnd={pan.onMoveEnd}
          connectionMode={ConnectionMode.Loose}
          connectionRadius={36}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Control', 'Meta', 'Shift']}
          selectionOnDrag={false}
          onlyRenderVisibleElements={large}
          minZoom={large ? MIN_ZOOM_LARGE : MIN_ZOOM}
          maxZoom={2.5}
          proOptions={{ hideAttribution: true }}
          elevateNodesOnSelect={false}
        >
          <DotGrid />
          <MiniMapLayers />
          <MiniMap pannable zoomable ariaLabel="Mini map" nodeComponent={NoMiniMapNode} />
          <Controls showInteractive={false} aria-label="Zoom controls" />
        </ReactFlow>
      </div>
    </CanvasCallbacksContext.Provider>
  );
});

