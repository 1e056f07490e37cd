// The page's one edit function: sends an edit through the document, says why one is refused, and counts
// the edits not yet answered (shown as data-pending-edits, so a driver can wait for the host).
import { useCallback, useEffect, useState } from 'react';
import type { DesignEdit } from '../../src/core/model/design-edits';
import type { HostChannel } from '../host/host-channel';

export function useEdit(channel: HostChannel, send: (label: string, e: DesignEdit) => string | undefined, say: (text: string, tone: 'error') => void) {
  const [pendingEdits, setPendingEdits] = useState(0);
  useEffect(() => channel.onMessage((m) => {
    // A refused edit drops the queued ones behind it: none of them will be answered.
    if (m.type === 'editResult') setPendingEdits((n) => (m.ok ? Math.max(0, n - 1) : 0));
  }), [channel]);

  const edit = useCallback((label: string, e: DesignEdit) => {
    const refused = send(label, e);
    if (refused) say(refused, 'error');
    else setPendingEdits((n) => n + 1);
    return refused === undefined;
  }, [say, send]);
  return { edit, pendingEdits };
}
