// @vitest-environment jsdom
// The inspector on DNS private resolver items: an inbound endpoint's name and static IP are edited on its
// connection (a bad address refused, empty meaning dynamic), and a ruleset's rule targets in its table.
import { mount } from '../support/webview-jsdom';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { DesignEdit } from '../../../src/core/model/design-edits';
import type { Design } from '../../../src/core/model/schema';
import { Inspector } from '../../../webview/inspector/Inspector';
import { loadFixture } from '../support/designs';
import { pressKey, typeText } from '../support/dom-input';

function render(design: Design, selected: string, edits: DesignEdit[]): HTMLElement {
  return mount(createElement(Inspector, { design, selection: [selected], readOnly: false, onEdit: (_: string, e: DesignEdit) => edits.push(e) })).host;
}
const input = (el: HTMLElement, id: string) => el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;

describe('inspector: DNS private resolver', () => {
  const hybrid = loadFixture('hybrid-dns');

  it('edits the inbound endpoint address on its connection; empty means dynamic; a bad address is refused', () => {
    const edits: DesignEdit[] = [];
    const el = render(hybrid, 'dnspr-in', edits);
    expect(el.textContent).toMatch(/dnspr-hub-weu listens in snet-dns-inbound/);
    const ip = input(el, 'prop-privateIpAddress');
    expect(ip.value).toBe('10.150.0.4');
    typeText(ip, '10.150.0.300');
    pressKey(ip, 'Enter');
    expect(edits).toEqual([]);
    typeText(ip, '');
    pressKey(ip, 'Enter');
    expect(edits).toEqual([{ op: 'updateRelation', id: 'dnspr-in', set: { privateIpAddress: undefined } }]);
    expect(input(el, 'prop-endpointName').value).toBe('in-hub-weu');
  });

  it('commits a rule target cell as the document list of targets', () => {
    const edits: DesignEdit[] = [];
    const el = render(hybrid, 'dnsfrs-hub', edits);
    const cell = input(el, 'forwarding-rules-0-targets');
    typeText(cell, '192.168.1.6:5353');
    pressKey(cell, 'Enter');
    expect(edits).toEqual([{ op: 'updateElement', id: 'dnsfrs-hub', set: { rules: [{ name: 'corp-contoso', domainName: 'corp.contoso.com.', targetDnsServers: [{ ipAddress: '192.168.1.6', port: 5353 }] }] } }]);
  });
});
