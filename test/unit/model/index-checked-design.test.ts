// An edit's result is checked once: indexing the text it wrote gives the same positions as loading that text.
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/core/model/design-edits';
import { indexCheckedDesign, loadDesign } from '../../../src/core/model/load-design';
import { serializeDesign } from '../../../src/core/model/serialize-design';
import { loadSample } from '../support/designs';

describe('indexCheckedDesign', () => {
  it('locates every element and relation as loadDesign does', () => {
    const seed = loadSample('seed');
    const first = seed.elements[0]!;
    const edited = applyEdit(seed, { op: 'updateElement', id: first.id, set: { name: `${first.name}-2` } });
    if (!edited.ok) throw new Error(edited.error);
    const text = serializeDesign(edited.design);
    const loaded = loadDesign(text);
    const indexed = indexCheckedDesign(text, edited.design);
    if (!loaded.ok || !indexed.ok) throw new Error('does not load');
    expect(indexed.design).toEqual(loaded.design);
    for (const e of edited.design.elements) {
      expect(indexed.index.elementRange(e.id)).toEqual(loaded.index.elementRange(e.id));
      expect(indexed.index.elementRange(e.id, 'name')).toEqual(loaded.index.elementRange(e.id, 'name'));
    }
    for (const r of edited.design.relations) expect(indexed.index.relationRange(r.id)).toEqual(loaded.index.relationRange(r.id));
  });
});
