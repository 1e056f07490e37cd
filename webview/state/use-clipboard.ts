// Copy, paste and duplicate on the page: the snippet is kept in the page (not the system clipboard), a
// paste is one edit (model/clipboard) and the copy is selected and brought into view.
import { useCallback, useRef } from 'react';
import { revealBox } from '../canvas/reveal-box';
import { copySelection, pasteEdit, type Snippet } from '../model/clipboard';
import type { PageTools } from './page-tools';

export function useClipboard({ flow, designRef, selectionRef, setSelection, edit, say }: PageTools) {
  const clipboard = useRef<Snippet | undefined>(undefined);

  const pasteAs = useCallback((snippet: Snippet | undefined, label: 'Paste' | 'Duplicate') => {
    const d = designRef.current;
    const pasted = d ? pasteEdit(d, snippet) : undefined;
    if (!pasted) return;
    if (!pasted.ok) return say(pasted.message, 'error');
    if (edit(label, pasted.edit)) {
      setSelection(pasted.selection);
      revealBox(flow, pasted.bounds);
      say(`${label === 'Paste' ? 'Pasted' : 'Duplicated'} ${pasted.count} element${pasted.count === 1 ? '' : 's'}.`);
    }
  }, [designRef, edit, flow, say, setSelection]);

  const copy = useCallback(() => {
    const d = designRef.current;
    if (d && selectionRef.current.length) {
      clipboard.current = copySelection(d, new Set(selectionRef.current));
      say(`Copied ${clipboard.current.elements.length} element(s).`);
    }
  }, [designRef, say, selectionRef]);
  const paste = useCallback(() => pasteAs(clipboard.current, 'Paste'), [pasteAs]);
  const duplicate = useCallback(() => {
    const d = designRef.current;
    if (d && selectionRef.current.length) pasteAs(copySelection(d, new Set(selectionRef.current)), 'Duplicate');
  }, [designRef, pasteAs, selectionRef]);
  return { copy, paste, duplicate };
}
