// @vitest-environment jsdom
// The inspector of a data policy: its scope and default group from the schema's choices, and its three tables
// (connector groups, endpoint rules, custom connector patterns) whose Add commits one whole-list edit.
import { mount } from '../support/webview-jsdom';
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { DesignEdit } from '../../../src/core/model/design-edits';
import type { Design } from '../../../src/core/model/schema';
import { Inspector } from '../../../webview/inspector/Inspector';
import { newDataPolicyConnector, newEndpointRule } from '../../../webview/inspector/data-policy-columns';

const SQL = '/providers/Microsoft.PowerApps/apis/shared_sql';
const design: Design = {
  version: 1, name: 'dlp', relations: [],
  elements: [{
    id: 'dlp', kind: 'dataPolicy', name: 'Policy', environmentScope: 'OnlyEnvironments', defaultGroup: 'NonBusiness',
    connectors: [{ connector: SQL, group: 'Business' }],
    endpointRules: [{ connector: SQL, endpoint: 'sql1.database.windows.net,*', behavior: 'Allow' }],
  }],
};

function render(edits: DesignEdit[]): HTMLDivElement {
  return mount(createElement(Inspector, { design, selection: ['dlp'], readOnly: false, onEdit: (_: string, e: DesignEdit) => edits.push(e) })).host;
}

describe('data policy inspector', () => {
  it('shows the tables with their rows, and Add appends a row to the whole list', () => {
    const edits: DesignEdit[] = [];
    const el = render(edits);
    expect(el.querySelector('[data-testid="dlp-connectors-row-0"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="dlp-endpoint-rules-row-0"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="dlp-custom-patterns"]')?.textContent).toContain('None.');
    act(() => el.querySelector<HTMLElement>('[data-testid="dlp-endpoint-rules-add"]')!.click());
    expect(edits).toEqual([{ op: 'updateElement', id: 'dlp', set: { endpointRules: [
      { connector: SQL, endpoint: 'sql1.database.windows.net,*', behavior: 'Allow' },
      { connector: SQL, endpoint: '*', behavior: 'Deny' },
    ] } }]);
    act(() => el.querySelector<HTMLElement>('[data-testid="dlp-connectors-add"]')!.click());
    const added = (edits[1] as unknown as { set: { connectors: { connector: string }[] } }).set.connectors;
    expect(added).toHaveLength(2);
    expect(added[1]!.connector).not.toBe(SQL);
  });

  it('new rows: the next known connector not yet listed; an endpoint rule for the last rule\'s connector, * Deny', () => {
    expect(newDataPolicyConnector([{ connector: 'shared_sql', group: 'Business' }]).connector).toBe('/providers/Microsoft.PowerApps/apis/shared_azureblob');
    expect(newEndpointRule([{ connector: 'http', endpoint: 'https://a/*', behavior: 'Allow' }])).toEqual({ connector: 'http', endpoint: '*', behavior: 'Deny' });
  });
});
