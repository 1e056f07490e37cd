// The designer page: toolbar, palette, canvas, inspector, problems and connectivity around one document. It
// only composes: the edit, selection, placement, auto-layout, clipboard, reveal, picture, status line, keys,
// toolbar and error page are their own hooks and components.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useReactFlow } from 'reactflow';
import type { HostToWebview } from '../src/core/protocol/messages';
import { AddressMapPanel } from './address-map/AddressMapPanel';
import { useAddressPlan } from './address-map/use-address-plan';
import { Canvas } from './canvas/Canvas';
import type { PathHighlight } from './canvas/path-highlight';
import { usePlacement } from './canvas/use-placement';
import { useReveal } from './canvas/use-reveal';
import { LoadErrorPage } from './chrome/LoadErrorPage';
import { Toolbar } from './chrome/Toolbar';
import { useStatus } from './chrome/use-status';
import { ConnectivityPanel } from './connectivity/ConnectivityPanel';
import { usePictureExport } from './export/use-picture-export';
import { hostChannel } from './host/host-channel';
import { Inspector, type RowFocus } from './inspector/Inspector';
import { useDesignerKeys } from './keyboard/use-designer-keys';
import { useAutoLayout } from './layout/use-auto-layout';
import { Palette } from './palette/Palette';
import { ProblemsPanel } from './problems/ProblemsPanel';
import type { PageTools } from './state/page-tools';
import { useClipboard } from './state/use-clipboard';
import { useDocument } from './state/use-document';
import { useEdit } from './state/use-edit';
import { useSelection } from './state/use-selection';

export function Designer() {
  const channel = useMemo(() => hostChannel(), []);
  const flow = useReactFlow();
  const { status, say } = useStatus();
  const [pathHighlight, setPathHighlight] = useState<PathHighlight | undefined>();

  const hostMessage = useRef<(m: HostToWebview) => void>(() => {});
  // Subscribed before useDocument says `ready`, so the plan the host sends after `init` is not missed.
  const addressPlan = useAddressPlan(channel);
  const doc = useDocument(channel, (m) => hostMessage.current(m), (e) => say(e, 'error'));
  const design = doc.view.status === 'ok' ? doc.view.design : undefined;
  const { edit, pendingEdits } = useEdit(channel, doc.edit, say);
  const { selection, setSelection, selectionRef, designRef, deleteSelected, selectAll } = useSelection(design, edit);
  const tools: PageTools = { flow, designRef, selectionRef, setSelection, edit, say };
  const findingsRef = useRef(doc.view.status === 'ok' ? doc.view.findings : []);
  findingsRef.current = doc.view.status === 'ok' ? doc.view.findings : [];

  const reveal = useReveal(tools);
  const { onDropItem, onPaletteAdd } = usePlacement(tools);
  const { busy, autoLayout } = useAutoLayout(tools);
  const exportPicture = usePictureExport(channel, tools, findingsRef);
  const { copy, paste, duplicate } = useClipboard(tools);
  useDesignerKeys({ forward: (action) => channel.command(action), delete: deleteSelected, copy, paste, duplicate, selectAll });

  // Go to from the Connectivity panel: select the deciding element and focus the deciding row in the inspector.
  const [rowFocus, setRowFocus] = useState<RowFocus | undefined>();
  const goTo = useCallback((id: string, row?: { readonly property: string; readonly item?: readonly number[] }) => {
    reveal(id);
    setRowFocus(row ? { id, ...row, nonce: Date.now() } : undefined);
  }, [reveal]);

  hostMessage.current = (m) => {
    if (m.type === 'revealElement') reveal(m.elementId);
    else if (m.type === 'runLayout') void autoLayout();
    else if (m.type === 'exportDiagram') void exportPicture(m.requestId, m.format);
  };

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
        <AddressMapPanel design={d} fileName={doc.fileName} addressPlan={addressPlan} />
      </div>
    </div>
  );
}
