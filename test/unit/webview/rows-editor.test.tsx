// @vitest-environment jsdom
// NSG rule and route tables: Azure's cell checks, refusals shown and announced but never committed,
// enum changes that clear cells they no longer allow, and new rows that do not collide.
import { mount } from '../support/webview-jsdom';
import { describe, expect, it } from 'vitest';
import { act, createElement } from 'react';
import { RowsEditor } from '../../../webview/inspector/RowsEditor';
import {
  checkAddressPrefix, checkName, checkNextHopIp, checkPortRange, checkPriority, newNsgRule, newRoute, NSG_RULE_COLUMNS, ROUTE_COLUMNS, type Row,
} from '../../../webview/inspector/rule-columns';
import { pressKey, typeText } from '../support/dom-input';

describe('cell checks', () => {
  it('accepts what Azure accepts and explains the rest', () => {
    expect(checkPriority('100')).toBeUndefined();
    expect(checkPriority('4096')).toBeUndefined();
    expect(checkPriority('99')).toMatch(/outside 100–4096/);
    expect(checkPriority('5000')).toMatch(/outside 100–4096/);
    expect(checkPriority('1e3')).toMatch(/whole number/);
    for (const ok of ['*', 'VirtualNetwork', 'Storage.WestEurope', '10.0.0.4', '10.20.0.0/24', 'AzurePlatformDNS']) expect(checkAddressPrefix(ok), ok).toBeUndefined();
    expect(checkAddressPrefix('10.20.0.0/33')).toMatch(/larger than \/32/);
    expect(checkAddressPrefix('10.20.0')).toMatch(/not an IPv4 address/);
    expect(checkAddressPrefix('10.0.0.1/24')).toMatch(/host bits/);
    expect(checkAddressPrefix('my prefix')).toMatch(/service tag/);
    expect(checkAddressPrefix('*', false)).toMatch(/0\.0\.0\.0\/0/);
    expect(checkAddressPrefix('10.0.0.4', false)).toMatch(/not an IPv4 address or CIDR/);
    for (const ok of ['*', '443', '0', '65535', '1433-1434']) expect(checkPortRange(ok), ok).toBeUndefined();
    expect(checkPortRange('65536')).toMatch(/not a port/);
    expect(checkPortRange('90-80')).toMatch(/ends before it starts/);
    expect(checkPortRange('80,443')).toMatch(/not a port/);
    expect(checkName('Allow_Dns.Tcp-1')).toBeUndefined();
    expect(checkName('bad-')).toMatch(/not a valid name/);
    expect(checkName('')).toMatch(/required/);
    expect(checkNextHopIp('', { nextHopType: 'VirtualAppliance' })).toMatch(/needs the appliance/);
    expect(checkNextHopIp('10.0.9.4', { nextHopType: 'VirtualAppliance' })).toBeUndefined();
    expect(checkNextHopIp('10.0.9', { nextHopType: 'VirtualAppliance' })).toMatch(/not an IPv4 address/);
    expect(checkNextHopIp('10.0.9.4', { nextHopType: 'Internet' })).toMatch(/Only a VirtualAppliance/);
    expect(checkNextHopIp('', { nextHopType: 'Internet' })).toBeUndefined();
  });

  it('new rows take a free priority and a free name', () => {
    const rows = [newNsgRule([])];
    expect(rows[0]).toMatchObject({ name: 'rule-1', priority: 100, direction: 'Inbound' });
    const second = newNsgRule([...rows, { ...rows[0], name: 'rule-2', priority: 110 }]);
    expect(second).toMatchObject({ name: 'rule-3', priority: 120 });
    expect(newRoute([{ name: 'route-1' }])).toMatchObject({ name: 'route-2', addressPrefix: '0.0.0.0/0' });
  });
});

describe('RowsEditor', () => {
  let host: HTMLDivElement | undefined;
  function render(rows: Row[], commits: Row[][], kind: 'nsg' | 'routes' = 'nsg') {
    host = mount(createElement(RowsEditor, {
      label: kind === 'nsg' ? 'Security rules' : 'Routes', testId: kind === 'nsg' ? 'nsg-rules' : 'routes', rows,
      columns: kind === 'nsg' ? NSG_RULE_COLUMNS : ROUTE_COLUMNS, newRow: kind === 'nsg' ? newNsgRule : newRoute, onCommit: (r: Row[]) => commits.push(r),
    })).host;
  }
  const cell = (id: string) => host!.querySelector(`[data-testid="${id}"]`) as HTMLInputElement & HTMLSelectElement;

  it('refuses an out-of-range priority with an announced message tied to the cell, and commits a valid one', () => {
    const commits: Row[][] = [];
    const rule = newNsgRule([]);
    render([rule], commits);
    const input = cell('nsg-rules-0-priority');
    typeText(input, '99');
    const alert = host!.querySelector('[role="alert"]')!;
    expect(alert.textContent).toMatch(/Priority 99 is outside 100–4096/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    pressKey(input, 'Enter');
    act(() => { input.dispatchEvent(new FocusEvent('focusout', { bubbles: true })); });
    expect(commits).toEqual([]);
    typeText(input, '250');
    expect(host!.querySelector('[role="alert"]')).toBeNull();
    pressKey(input, 'Enter');
    expect(commits).toEqual([[{ ...rule, priority: 250 }]]);
  });

  it('a next hop other than VirtualAppliance drops the next hop IP in the same commit', () => {
    const commits: Row[][] = [];
    render([{ name: 'route-1', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.9.4' }], commits, 'routes');
    const select = cell('routes-0-nextHopType');
    act(() => {
      select.value = 'Internet';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(commits).toEqual([[{ name: 'route-1', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' }]]);
  });

  it('asks for the IP of a VirtualAppliance next hop', () => {
    render([{ name: 'route-1', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance' }], [], 'routes');
    expect(host!.querySelector('[data-testid="routes-0-nextHopIpAddress-error"]')!.textContent).toMatch(/needs the appliance/);
  });

  it('adds and removes rows as one commit each, with named buttons', () => {
    const commits: Row[][] = [];
    const rule = newNsgRule([]);
    render([rule], commits);
    const remove = cell('nsg-rules-remove-0');
    expect(remove.getAttribute('aria-label')).toBe('Remove security rules row 1');
    act(() => remove.click());
    expect(commits).toEqual([[]]);
    const labels = [...host!.querySelectorAll('td input, td select')].map((el) => el.getAttribute('aria-label'));
    expect(labels).toHaveLength(NSG_RULE_COLUMNS.length);
    for (const l of labels) expect(l).toMatch(/^Security rules row 1 /);
  });
});
