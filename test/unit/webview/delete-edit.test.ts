// The shared delete edit: elements and relations of a selection in one step, unknown ids left out.
import { describe, expect, it } from 'vitest';
import { deleteEdit } from '../../../webview/model/delete-edit';
import { loadSample } from '../support/designs';

describe('deleteEdit', () => {
  const seed = loadSample('seed');
  const e = seed.elements[0]!.id;
  const r = seed.relations[0]!.id;
  it('removes elements and relations together, or one kind alone', () => {
    expect(deleteEdit(seed, [e, r, 'gone'])).toEqual({ op: 'batch', edits: [{ op: 'removeElements', ids: [e] }, { op: 'removeRelations', ids: [r] }] });
    expect(deleteEdit(seed, [r])).toEqual({ op: 'removeRelations', ids: [r] });
    expect(deleteEdit(seed, ['gone'])).toBeUndefined();
  });
});
