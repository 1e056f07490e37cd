// What the designer page hands its hooks: the flow, the latest design and selection (refs, so a callback
// sees the newest without being rebuilt on every edit), the one edit function and the status line.
import type { ReactFlowInstance } from 'reactflow';
import type { DesignEdit } from '../../src/core/model/design-edits';
import type { Design } from '../../src/core/model/schema';

export interface PageTools {
  readonly flow: ReactFlowInstance;
  readonly designRef: { readonly current: Design | undefined };
  readonly selectionRef: { readonly current: readonly string[] };
  readonly setSelection: (ids: string[]) => void;
  /** Sends an edit; false when it was refused (the reason is already on the status line). */
  readonly edit: (label: string, e: DesignEdit) => boolean;
  readonly say: (text: string, tone?: 'info' | 'error') => void;
}
