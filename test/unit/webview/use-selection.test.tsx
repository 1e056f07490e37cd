// @vitest-environment jsdom
// The page's selection and the one delete: ids that leave the design leave the selection, and the
// keyboard's delete and the inspector's "Delete selection" send the same edit under the same undo label.
import { mount } from '../support/webview-jsdom';
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { DesignEdit } from '../../../src/core/model/design-edits';
import type { Design } from '../../../src/core/model/schema';
import { Inspector } from '../../../webview/inspector/Inspector';
import { deleteEdit } from '../../../webview/model/delete-edit';
import { useSelection } from '../../../webview/state/use-selection';
import { loadSample } from '../support/designs';


type Hook = ReturnType<typeof useSelection>;
function Probe({ design, edit, out }: { design: Design; edit: (label: string, e: DesignEdit) => boolean; out: { current?: Hook } }) {
  out.current = useSelection(design, edit);
  return null;
}

describe('useSelection', () => {
  const seed = loadSample('seed');
  const ids = ['nsg-weu', seed.relations[0]!.id];

  it('drops ids that vanish from the design and deletes what is left as one edit', () => {
    const sent: [string, DesignEdit][] = [];
    const edit = (label: string, e: DesignEdit) => (sent.push([label, e]), true);
    const out: { current?: Hook } = {};
    const probe = mount(createElement(Probe, { design: seed, edit, out }));
    act(() => out.current!.setSelection([...ids, 'vnet-weu']));
    expect(out.current!.selection).toEqual([...ids, 'vnet-weu']);
    const without = { ...seed, elements: seed.elements.filter((e) => e.id !== 'vnet-weu') };
    probe.render(createElement(Probe, { design: without, edit, out }));
    expect(out.current!.selection).toEqual(ids);
    act(() => out.current!.deleteSelected());
    expect(sent).toEqual([['Delete 2 items', deleteEdit(without, ids)]]);
    act(() => out.current!.selectAll());
    expect(out.current!.selection).toEqual(without.elements.map((e) => e.id));
  });

  it('sends the same edit and label as the inspector\'s Delete selection', () => {
    const fromKeys: [string, DesignEdit][] = [];
    const out: { current?: Hook } = {};
    const probe = mount(createElement(Probe, { design: seed, edit: (l, e) => (fromKeys.push([l, e]), true), out }));
    act(() => out.current!.setSelection(ids));
    act(() => out.current!.deleteSelected());
    probe.unmount();

    const fromInspector: [string, DesignEdit][] = [];
    const { host } = mount(createElement(Inspector, { design: seed, selection: ids, readOnly: false, onEdit: (l: string, e: DesignEdit) => fromInspector.push([l, e]) }));
    act(() => (host.querySelector('[data-testid="delete-selection"]') as HTMLElement).click());
    expect(fromInspector).toEqual(fromKeys);
    expect(fromKeys).toHaveLength(1);
  });
});
