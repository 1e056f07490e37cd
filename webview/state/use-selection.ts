// The page's selection: ids that vanish from the design (deleted, undone) drop out of it, and "delete"
// and "select all" act on it; the ref lets callbacks read the latest without being rebuilt.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DesignEdit } from '../../src/core/model/design-edits';
import type { Design } from '../../src/core/model/schema';
import { deleteSelection } from '../model/delete-edit';

export function useSelection(design: Design | undefined, edit: (label: string, e: DesignEdit) => boolean) {
  const [selection, setSelection] = useState<string[]>([]);
  const selectionRef = useRef<readonly string[]>(selection);
  selectionRef.current = selection;
  const designRef = useRef(design);
  designRef.current = design;

  useEffect(() => {
    if (!design) return;
    const live = new Set([...design.elements.map((e) => e.id), ...design.relations.map((r) => r.id)]);
    setSelection((s) => (s.every((id) => live.has(id)) ? s : s.filter((id) => live.has(id))));
  }, [design]);

  const deleteSelected = useCallback(() => {
    const d = designRef.current;
    if (d && selectionRef.current.length > 0) deleteSelection(d, selectionRef.current, edit);
  }, [edit]);
  const selectAll = useCallback(() => {
    const d = designRef.current;
    if (d) setSelection(d.elements.map((e) => e.id));
  }, []);
  return { selection, setSelection, selectionRef, designRef, deleteSelected, selectAll };
}
