// @vitest-environment jsdom
// Go to in the Connectivity panel focuses the deciding row: the panel hands over the element and the row
// (firewall rule [group, collection, rule], NSG rule, route), and the inspector brings that row into view
// and focuses it. The firewall's rule table edits write rule collection groups back.
import { mount } from '../support/webview-jsdom';
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { DesignEdit } from '../../../src/core/model/design-edits';
import type { Design, ElementOf } from '../../../src/core/model/schema';
import { ConnectivityPanel } from '../../../webview/connectivity/ConnectivityPanel';
import { Inspector, type RowFocus } from '../../../webview/inspector/Inspector';
import { pressKey, typeText } from '../support/dom-input';
import { edited, loadSample, set } from '../support/designs';

const click = (el: Element | null) => act(() => { (el as HTMLElement).click(); });
const hub = loadSample('hub-firewall');

describe('Go to the deciding row', () => {
  it('the panel hands over the firewall and the blocking rule', () => {
    const calls: [string, unknown][] = [];
    const el = mount(createElement(ConnectivityPanel, { design: hub, onHighlight: () => {}, onGoTo: (id: string, row?: unknown) => calls.push([id, row]) })).host;
    click(el.querySelector('[data-testid="connectivity-toggle"]'));
    const blocked = [...el.querySelectorAll<HTMLButtonElement>('.flow-cell.verdict-blocked')][0]!;
    click(blocked);
    click(el.querySelector('[data-testid="flow-go-to"]'));
    expect(calls).toEqual([['afw-weu', { property: 'ruleCollectionGroups', item: [0, 1, 0] }]]);
  });

  it('the inspector focuses the firewall rule row, an NSG rule row and a route row', () => {
    const show = (design: Design, id: string, focus: RowFocus, table: string) => {
      const inspector = mount(createElement(Inspector, { design, selection: [id], readOnly: false, onEdit: () => {}, focus }));
      const row = inspector.host.querySelector(`[data-testid="${table}"] tr.focused-row`);
      const at = row?.getAttribute('data-row');
      const inRow = row?.contains(document.activeElement) ?? false;
      inspector.unmount();
      return { at, inRow };
    };
    expect(show(hub, 'afw-weu', { id: 'afw-weu', property: 'ruleCollectionGroups', item: [0, 2, 1], nonce: 1 }, 'firewall-rules')).toEqual({ at: '3', inRow: true });
    expect(show(hub, 'nsg-pp-weu', { id: 'nsg-pp-weu', property: 'rules', item: [1], nonce: 1 }, 'nsg-rules')).toEqual({ at: '1', inRow: true });
    expect(show(hub, 'rt-pp-weu', { id: 'rt-pp-weu', property: 'routes', item: [0], nonce: 1 }, 'routes')).toEqual({ at: '0', inRow: true });
  });

  it('editing a firewall rule cell writes the rule collection groups', () => {
    const edits: DesignEdit[] = [];
    const el = mount(createElement(Inspector, { design: hub, selection: ['afw-weu'], readOnly: false, onEdit: (_: string, e: DesignEdit) => edits.push(e) })).host;
    const input = el.querySelector<HTMLInputElement>('[data-testid="firewall-rules-1-destinations"]')!;
    typeText(input, 'api.fabrikam.com, *.fabrikam.net');
    pressKey(input, 'Enter');
    expect(edits).toHaveLength(1);
    const e = edits[0]!;
    if (e.op !== 'updateElement') throw new Error(e.op);
    const groups = e.set.ruleCollectionGroups as ElementOf<'firewall'>['ruleCollectionGroups'];
    expect(groups![0]!.ruleCollections[1]!.rules[0]).toMatchObject({ name: 'deny-fabrikam', targetFqdns: ['api.fabrikam.com', '*.fabrikam.net'] });
    // The edited design is a valid document.
    expect(() => edited(hub, set('afw-weu', { ruleCollectionGroups: groups }))).not.toThrow();
  });
});
