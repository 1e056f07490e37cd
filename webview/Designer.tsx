// The designer page: toolbar, palette, canvas, inspector, problems and connectivity around one document. Owns the
// selection, palette placement, auto-layout, paste and what the host asks of the canvas; the status line,
// keys, toolbar, error page, drop targets, picture and delete edit live in their own modules.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useReactFlow, type Node } from 'reactflow';
import type { DesignEdit } from '../src/core/model/design-edits';
import { buildLayoutGraph, DEFAULT_NODE_SIZE, movesFromLayout } from '../src/core/layout/layout-graph';
import { parentOf } from '../src/core/model/schema';
import type { HostToWebview } from '../src/core/protocol/messages';
import { Canvas } from './canvas/Canvas';
import { AddressMapPanel } from './address-map/AddressMapPanel';
import { ConnectivityPanel } from './connectivity/ConnectivityPanel';
import type { PathHighlight } from './canvas/path-highlight';
import { canvasPicture } from './export/canvas-picture';
import { LoadErrorPage } from './chrome/LoadErrorPage';
import { Toolbar } from './chrome/Toolbar';
import { useStatus } from './chrome/use-status';
import { nextChildSlot, selectedVnet, topLevelBoxes, vnetAt } from './canvas/drop-targets';
import { hostChannel } from './host/host-channel';
import { Inspector, type RowFocus } from './inspector/Inspector';
import { layoutInWorker } from './layout/layout-client';
import { copySelection, pastedBounds, pasteSnippet, type Snippet } from './model/clipboard';
import { deleteEdit } from './model/delete-edit';
import { revealBox } from './canvas/reveal-box';
import { createElement, needsParent, type PaletteItem } from './model/element-factory';
import { freeSpot } from './model/placement';
import { viewportShowing } from './model/viewport-fit';
import { Palette } from './palette/Palette';
import { ProblemsPanel } from './problems/ProblemsPanel';
import { useDocument } from './state/use-document';
import { useDesignerKeys } from './keyboard/use-designer-keys';

export function Designer() {
  const channel = useMemo(() => hostChannel(), []);
  const flow = useReactFlow();
  const { status, say } = useStatus();
  const [selection, setSelection] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [pathHighlight, setPathHighlight] = useState<PathHighlight | undefined>();
  const clipboard = useRef<Snippet | undefined>(undefined);

  const hostMessage = useRef<(m: HostToWebview) => void>(() => {});
  const doc = useDocument(channel, (m) => hostMessage.current(m), (e) => say(e, 'error'));
  const design = doc.view.status === 'ok' ? doc.view.design : undefined;
  const designRef = useRef(design);
  designRef.current = design;
  const findingsRef = useRef(doc.view.status === 'ok' ? doc.view.findings : []);
  findingsRef.current = doc.view.status === 'ok' ? doc.view.findings : [];
  const selectionRef = useRef(selection);
  selectionRef.current = selection;

  // Edits sent and not yet answered: shown on the page (data-pending-edits) so a driver can wait for the host.
  const [pendingEdits, setPendingEdits] = useState(0);
  useEffect(() => channel.onMessage((m) => {
    // A refused edit drops the queued ones behind it: none of them will be answered.
    if (m.type === 'editResult') setPendingEdits((n) => (m.ok ? Math.max(0, n - 1) : 0));
  }), [channel]);

  const edit = useCallback((label: string, e: DesignEdit) => {
    const refused = doc.edit(label, e);
    if (refused) say(refused, 'error');
    else setPendingEdits((n) => n + 1);
    return refused === undefined;
  }, [doc, say]);

  // Selection of ids that vanished (deleted, undone) is dropped.
  useEffect(() => {
    if (!design) return;
    const live = new Set([...design.elements.map((e) => e.id), ...design.relations.map((r) => r.id)]);
    setSelection((s) => (s.every((id) => live.has(id)) ? s : s.filter((id) => live.has(id))));
  }, [design]);

  const reveal = useCallback((id: string) => {
    setSelection([id]);
    const node = flow.getNode(id);
    if (node) {
      const abs = node.positionAbsolute ?? node.position;
      flow.setCenter(abs.x + (node.width ?? DEFAULT_NODE_SIZE.width) / 2, abs.y + (node.height ?? DEFAULT_NODE_SIZE.height) / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 });
    } else {
      const rel = designRef.current?.relations.find((r) => r.id === id);
      if (rel) flow.fitView({ nodes: [{ id: rel.from }, { id: rel.to }], duration: 300, padding: 0.4 });
    }
  }, [flow]);

  // Go to from the Connectivity panel: select the deciding element and focus the deciding row in the inspector.
  const [rowFocus, setRowFocus] = useState<RowFocus | undefined>();
  const goTo = useCallback((id: string, row?: { readonly property: string; readonly item?: readonly number[] }) => {
    reveal(id);
    setRowFocus(row ? { id, ...row, nonce: Date.now() } : undefined);
  }, [reveal]);

  /** Places a palette item at a flow position; nested kinds go into the VNet under the point, or the selected one. */
  const place = useCallback((item: PaletteItem, point: { x: number; y: number }, fromKeyboard: boolean) => {
    const d = designRef.current;
    if (!d) return;
    let parent: Node | undefined;
    let position = { x: point.x - DEFAULT_NODE_SIZE.width / 2, y: point.y - DEFAULT_NODE_SIZE.height / 2 };
    if (needsParent(item.kind)) {
      parent = fromKeyboard ? selectedVnet(d, selectionRef.current, flow.getNode) : vnetAt(flow.getNodes(), point);
      if (!parent) {
        say(fromKeyboard
          ? `Select a virtual network first: a ${item.label.toLowerCase()} is added inside the selected VNet.`
          : `A ${item.label.toLowerCase()} must be dropped inside a virtual network.`, 'error');
        return;
      }
      const abs = parent.positionAbsolute ?? parent.position;
      position = fromKeyboard ? nextChildSlot(d, parent.id) : { x: Math.max(8, position.x - abs.x), y: Math.max(56, position.y - abs.y) };
    }
    // A keyboard add lands near the viewport centre, but never on top of another element.
    if (fromKeyboard && !parent) position = freeSpot(topLevelBoxes(flow.getNodes()), position);
    const element = createElement(d, item, position, parent?.id);
    const edits: DesignEdit[] = [{ op: 'addElements', elements: [element] }];
    if (parent) {
      // Grow the VNet so the new child is inside its frame.
      const vnet = d.elements.find((e) => e.id === parent.id);
      const size = vnet?.kind === 'vnet' ? vnet.size ?? { width: parent.width ?? 320, height: parent.height ?? 160 } : undefined;
      const need = { width: position.x + DEFAULT_NODE_SIZE.width + 20, height: position.y + DEFAULT_NODE_SIZE.height + 20 };
      if (vnet && size && (need.width > size.width || need.height > size.height)) {
        edits.push({ op: 'moveElements', moves: [{ id: vnet.id, position: vnet.position ?? parent.position, size: { width: Math.max(size.width, need.width), height: Math.max(size.height, need.height) } }] });
      }
    }
    if (edit(`Add ${item.label}`, edits.length === 1 ? edits[0]! : { op: 'batch', edits })) {
      setSelection([element.id]);
      say(`Added ${item.label.toLowerCase()} "${element.name}".`);
    }
  }, [edit, flow, say]);

  const onDropItem = useCallback((item: PaletteItem, screen: { x: number; y: number }) => place(item, flow.screenToFlowPosition(screen), false), [flow, place]);
  const onPaletteAdd = useCallback((item: PaletteItem) => {
    const rect = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    const centre = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
    place(item, flow.screenToFlowPosition(centre), true);
  }, [flow, place]);

  const autoLayout = useCallback(async () => {
    const d = designRef.current;
    if (!d || busy) return;
    if (d.elements.length === 0) return say('Nothing to lay out yet.');
    setBusy(true);
    say('Laying out…');
    try {
      const measured = new Map(flow.getNodes().map((n) => [n.id, n]));
      const graph = buildLayoutGraph(d, (e) => {
        const n = measured.get(e.id);
        return n?.width && n.height && e.kind !== 'vnet' ? { width: n.width, height: n.height } : undefined;
      });
      const t0 = performance.now();
      const laidOut = await layoutInWorker(graph);
      const latest = designRef.current ?? d;
      const moves = movesFromLayout(latest, laidOut);
      if (edit('Auto-layout', { op: 'moveElements', moves })) {
        say(`Laid out ${moves.length} elements in ${Math.round(performance.now() - t0)} ms.`);
        // React Flow draws the new positions a little later (much later on a busy machine): fit to the
        // layout's own boxes, or the view would frame the drawing as it was before.
        const rect = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
        const boxes = (laidOut.children ?? []).flatMap((n) => (n.x === undefined || n.y === undefined ? [] : [{ x: n.x, y: n.y, width: n.width ?? DEFAULT_NODE_SIZE.width, height: n.height ?? DEFAULT_NODE_SIZE.height }]));
        const view = rect ? viewportShowing(boxes, rect.width, rect.height) : undefined;
        if (view) void flow.setViewport(view, { duration: 300 });
      }
    } catch (e) {
      say(`Auto-layout failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      setBusy(false);
    }
  }, [busy, edit, flow, say]);

  const exportPicture = useCallback(async (requestId: number, format: 'svg' | 'png') => {
    const d = designRef.current;
    try {
      const data = await canvasPicture(d, findingsRef.current, format);
      channel.post({ type: 'diagramExported', requestId, format, data });
    } catch (e) {
      channel.log('error', `diagram export failed: ${e instanceof Error ? e.message : String(e)}`);
      say('Picture export failed.', 'error');
    }
  }, [channel, say]);

  hostMessage.current = (m) => {
    if (m.type === 'revealElement') reveal(m.elementId);
    else if (m.type === 'runLayout') void autoLayout();
    else if (m.type === 'exportDiagram') void exportPicture(m.requestId, m.format);
  };

  const deleteSelection = useCallback(() => {
    const d = designRef.current;
    const ids = selectionRef.current;
    if (!d || ids.length === 0) return;
    const removal = deleteEdit(d, ids);
    if (removal) edit(`Delete ${ids.length} item${ids.length === 1 ? '' : 's'}`, removal);
  }, [edit]);

  const paste = useCallback((snippet: Snippet | undefined, label: string) => {
    const d = designRef.current;
    if (!d || !snippet || snippet.elements.length === 0) return;
    const copy = pasteSnippet(d, snippet);
    if (copy.elements.length === 0) return say('Nothing to paste: the copied subnets\' virtual network is gone.', 'error');
    const add: DesignEdit = { op: 'addElements', elements: copy.elements, relations: copy.relations };
    if (edit(label, copy.grow.length ? { op: 'batch', edits: [add, { op: 'moveElements', moves: copy.grow }] } : add)) {
      setSelection(copy.elements.filter((e) => !copy.elements.some((p) => p.id === parentOf(e))).map((e) => e.id));
      revealBox(flow, pastedBounds(d, copy));
      say(`${label === 'Paste' ? 'Pasted' : 'Duplicated'} ${copy.elements.length} element${copy.elements.length === 1 ? '' : 's'}.`);
    }
  }, [edit, flow, say]);

  const copy = useCallback(() => {
    const d = designRef.current;
    if (d && selectionRef.current.length) {
      clipboard.current = copySelection(d, new Set(selectionRef.current));
      say(`Copied ${clipboard.current.elements.length} element(s).`);
    }
  }, [say]);
  const duplicate = useCallback(() => {
    const d = designRef.current;
    if (d && selectionRef.current.length) paste(copySelection(d, new Set(selectionRef.current)), 'Duplicate');
  }, [paste]);
  const selectAll = useCallback(() => {
    const d = designRef.current;
    if (d) setSelection(d.elements.map((e) => e.id));
  }, []);
  useDesignerKeys({
    forward: (action) => channel.command(action),
    delete: deleteSelection,
    copy,
    paste: () => paste(clipboard.current, 'Paste'),
    duplicate,
    selectAll,
  });

  if (doc.view.status === 'loading') return <div className="loading" role="status">Loading design…</div>;
  if (doc.view.status === 'error') {
    return <LoadErrorPage errors={doc.view.errors} onOpenAsText={() => channel.command('openAsText')} />;
  }
  const d = doc.view.design;
  return (
    <div className="designer" data-pending-edits={pendingEdits}>
      <Toolbar title={d.name} fileName={doc.fileName} busy={busy} status={status} onAutoLayout={() => void autoLayout()}
        onFitView={() => flow.fitView({ duration: 200, padding: 0.1, maxZoom: 1.5 })} onCommand={(c) => channel.command(c)} />
      <Palette onAdd={onPaletteAdd} disabled={doc.settings.readOnly} />
      <Canvas design={d} findings={doc.view.findings} selection={selection} onSelection={setSelection} edit={edit} notify={(t) => say(t, 'error')} onDropItem={onDropItem} highlight={pathHighlight} />
      <Inspector design={d} selection={selection} readOnly={doc.settings.readOnly} onEdit={edit} {...(rowFocus ? { focus: rowFocus } : {})} />
      <div className="bottom-panels">
        <ProblemsPanel design={d} findings={doc.view.findings} onReveal={reveal} onEdit={edit} onOpenRuleDoc={(id) => channel.command('openRuleDoc', id)} />
        <ConnectivityPanel design={d} onHighlight={setPathHighlight} onGoTo={goTo} />
        <AddressMapPanel design={d} fileName={doc.fileName} />
      </div>
    </div>
  );
}
