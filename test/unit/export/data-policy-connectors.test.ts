// Both exports list a data policy's connectors from one list: group entries first, then connectors only
// endpoint rules name, each once whether it is written by its short name or its full id.
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../src/core/export/export-design';
import { policyConnectorIds } from '../../../src/core/export/data-policy-connectors';
import type { ElementOf } from '../../../src/core/model/schema';
import { edited, loadSample, set } from '../support/designs';

const seed = loadSample('seed');
const SQL = '/providers/Microsoft.PowerApps/apis/shared_sql';
const design = edited(seed, set('dlp-casemgmt', {
  connectors: [{ connector: 'shared_sql', group: 'Business' }, { connector: 'http', group: 'Blocked' }],
  endpointRules: [
    { connector: SQL, endpoint: 'sql-casemgmt.database.windows.net', behavior: 'Allow' },
    { connector: SQL, endpoint: '*', behavior: 'Deny' },
    { connector: 'shared_webcontents', endpoint: '*', behavior: 'Deny' },
  ],
}));
const policy = design.elements.find((e) => e.id === 'dlp-casemgmt') as ElementOf<'dataPolicy'>;
const file = (format: 'bicep' | 'terraform', path: string) => exportDesign(design, format, { designFile: 'seed.ppvnet.json' }).find((f) => f.path === path)!.content;

describe('the connectors of a data policy', () => {
  it('are the listed ones, then those only endpoint rules name, each once however spelled', () => {
    expect(policyConnectorIds(policy)).toEqual(['shared_sql', 'http', 'shared_webcontents']);
  });

  it('give one row each in data-policies.md, with the rules written under either spelling', () => {
    const rows = file('bicep', 'data-policies.md').split('\n').filter((l) => /^\| (shared|http)/.test(l));
    expect(rows).toEqual([
      '| shared\\_sql | Business | 1. Allow sql-casemgmt.database.windows.net; 2. Deny \\* |',
      '| http | Blocked | none |',
      '| shared\\_webcontents | Non-business | 1. Deny \\* |',
    ]);
  });

  it('give one entry each in main.tf, in its group, the unlisted one in the default group', () => {
    const tf = file('terraform', 'main.tf');
    const block = tf.slice(tf.indexOf('resource "powerplatform_data_loss_prevention_policy"'));
    expect(block.match(/id\s+= "shared_sql"/g)).toHaveLength(1);
    expect(block).not.toContain(`"${SQL}"`);
    expect(block).toMatch(/non_business_connectors = \[\n\s+\{\n\s+id\s+= "shared_webcontents"/);
  });
});
