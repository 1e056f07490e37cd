// @vitest-environment jsdom
// List fields of the inspector keep "unknown" (absent) apart from "none" (empty): the rules stay silent on
// the one and judge the other, so clearing a known list must not turn it into unknown.
import { mount, type Mounted } from '../support/webview-jsdom';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { DesignEdit } from '../../../src/core/model/design-edits';
import type { Design } from '../../../src/core/model/schema';
import { Inspector } from '../../../webview/inspector/Inspector';
import { pressKey, typeText } from '../support/dom-input';

const DELEGATION = 'Microsoft.PowerPlatform/enterprisePolicies';

function design(delegations: string[] | undefined): Design {
  return {
    version: 1, name: 'lists', relations: [],
    elements: [
      { id: 'vnet', kind: 'vnet', name: 'vnet', region: 'westeurope', addressSpaces: ['10.0.0.0/16'] },
      { id: 'snet', kind: 'subnet', name: 'snet', addressPrefix: '10.0.1.0/24', parent: 'vnet', ...(delegations ? { delegations } : {}) },
    ],
  } as Design;
}

function renderSubnet(delegations: string[] | undefined, edits: DesignEdit[]): Mounted {
  return mount(createElement(Inspector, { design: design(delegations), selection: ['snet'], readOnly: false, onEdit: (_: string, e: DesignEdit) => edits.push(e) }));
}
const delegationsField = (subnet: Mounted) => subnet.host.querySelector<HTMLInputElement>('[data-testid="prop-delegations"]')!;

function clearAndCommit(input: HTMLInputElement) {
  typeText(input, '');
  pressKey(input, 'Enter');
}

describe('inspector list fields', () => {
  it('says whether an empty list is unknown or none', () => {
    const unknown = renderSubnet(undefined, []);
    expect(delegationsField(unknown).placeholder).toBe('not stated');
    unknown.unmount();
    expect(delegationsField(renderSubnet([], [])).placeholder).toBe('none');
  });

  it('clearing a list that had items states "none" ([]), not unknown', () => {
    const edits: DesignEdit[] = [];
    clearAndCommit(delegationsField(renderSubnet([DELEGATION], edits)));
    expect(edits).toEqual([{ op: 'updateElement', id: 'snet', set: { delegations: [] } }]);
  });
});
