// @vitest-environment jsdom
// List fields of the inspector keep "unknown" (absent) apart from "none" (empty): the rules stay silent on
// the one and judge the other, so clearing a known list must not turn it into unknown.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesignEdit } from '../../../src/core/model/design-edits';
import type { Design } from '../../../src/core/model/schema';
import { Inspector } from '../../../webview/inspector/Inspector';
import { pressKey, typeText } from '../support/dom-input';

// jsdom has no matchMedia, which the toolkit's buttons read at import for their forced-colours styles.
vi.hoisted(() => {
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} })) as unknown as typeof window.matchMedia;
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

let root: Root | undefined;
let host: HTMLDivElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function renderSubnet(delegations: string[] | undefined, edits: DesignEdit[]): HTMLInputElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(createElement(Inspector, { design: design(delegations), selection: ['snet'], readOnly: false, onEdit: (_: string, e: DesignEdit) => edits.push(e) })));
  return host.querySelector<HTMLInputElement>('[data-testid="prop-delegations"]')!;
}

function clearAndCommit(input: HTMLInputElement) {
  typeText(input, '');
  pressKey(input, 'Enter');
}

describe('inspector list fields', () => {
  it('says whether an empty list is unknown or none', () => {
    expect(renderSubnet(undefined, []).placeholder).toBe('not stated');
    act(() => root?.unmount());
    expect(renderSubnet([], []).placeholder).toBe('none');
  });

  it('clearing a list that had items states "none" ([]), not unknown', () => {
    const edits: DesignEdit[] = [];
    clearAndCommit(renderSubnet([DELEGATION], edits));
    expect(edits).toEqual([{ op: 'updateElement', id: 'snet', set: { delegations: [] } }]);
  });
});
