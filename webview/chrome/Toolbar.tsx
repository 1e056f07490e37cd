// The designer's toolbar: the design's name, layout and view buttons, the exports (run by the host), and the
// status line that says what the last action did.
import type { WebviewCommand } from '../../src/core/protocol/messages';
import { Button } from '../components';
import { warmLayoutWorker } from '../layout/layout-client';
import type { Status } from './use-status';

export interface ToolbarProps {
  readonly title: string;
  readonly fileName: string;
  readonly busy: boolean;
  readonly status: Status;
  onAutoLayout(): void;
  onFitView(): void;
  onCommand(command: WebviewCommand): void;
}

export function Toolbar({ title, fileName, busy, status, onAutoLayout, onFitView, onCommand }: ToolbarProps) {
  return (
    <header className="toolbar nokey" role="toolbar" aria-label="Designer actions">
      <span className="design-title" title={fileName}>{title}</span>
      {/* elk (1.5 MB) is loaded when the user heads for Auto-layout, not with every design opened: evaluated
          two seconds after the open, it took a core from the first pans of a large design. */}
      <span className="layout-intent" onPointerEnter={warmLayoutWorker} onFocus={warmLayoutWorker}>
        <Button testId="auto-layout" ariaLabel="Auto-layout" disabled={busy} onClick={onAutoLayout}>Auto-layout</Button>
      </span>
      <Button testId="fit-view" ariaLabel="Fit view" onClick={onFitView}>Fit</Button>
      <Button testId="export-bicep" ariaLabel="Export to Bicep" onClick={() => onCommand('exportBicep')}>Bicep</Button>
      <Button testId="export-terraform" ariaLabel="Export to Terraform" onClick={() => onCommand('exportTerraform')}>Terraform</Button>
      <Button testId="export-svg" ariaLabel="Export diagram as SVG" onClick={() => onCommand('exportDiagramSvg')}>SVG</Button>
      <Button testId="export-png" ariaLabel="Export diagram as PNG" onClick={() => onCommand('exportDiagramPng')}>PNG</Button>
      <Button testId="open-text" ariaLabel="Open as Text" onClick={() => onCommand('openAsText')}>Text</Button>
      <span className={`status ${status?.tone ?? ''}`} role="status" aria-live="polite" data-testid="status">{status?.text ?? ''}</span>
    </header>
  );
}
