// The one edit that deletes a selection (canvas keys and the inspector's "Delete selection" alike): its
// elements and its relations in one undo step, under one undo label; ids no longer in the design are left out.
import type { DesignEdit } from '../../src/core/model/design-edits';
import type { Design } from '../../src/core/model/schema';

export function deleteEdit(design: Design, ids: readonly string[]): DesignEdit | undefined {
  const elementIds = ids.filter((id) => design.elements.some((e) => e.id === id));
  const relationIds = ids.filter((id) => design.relations.some((r) => r.id === id));
  const edits: DesignEdit[] = [];
  if (elementIds.length) edits.push({ op: 'removeElements', ids: elementIds });
  if (relationIds.length) edits.push({ op: 'removeRelations', ids: relationIds });
  return edits.length === 0 ? undefined : edits.length === 1 ? edits[0] : { op: 'batch', edits };
}

/** Sends the delete of a selection under its undo label ("Delete 3 items"); nothing when none is left. */
export function deleteSelection(design: Design, ids: readonly string[], onEdit: (label: string, e: DesignEdit) => unknown): void {
  const removal = deleteEdit(design, ids);
  if (removal) onEdit(`Delete ${ids.length} item${ids.length === 1 ? '' : 's'}`, removal);
}
