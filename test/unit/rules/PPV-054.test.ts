import { rule } from '../../../src/core/rules/catalog/PPV-054';
import { edited, remove, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { dataPolicy, seedWithoutDataPolicy as bare, seed as shipped, SQL_ID, sqlWorkload } from './ppv-fixtures';

const limited = [
  { connector: SQL_ID, endpoint: 'sql-casemgmt.database.windows.net,*', behavior: 'Allow' as const },
  { connector: SQL_ID, endpoint: '*', behavior: 'Deny' as const },
];

testRule(rule, {
  valid: [
    { name: 'no data policy', design: edited(bare, sqlWorkload) },
    { name: 'the seed: its custom connector is classified by URL pattern, not endpoint rules', design: shipped },
    { name: 'the seed: HTTP with Entra ID to the private API, limited to it', design: edited(shipped, set('conn-casemgmt', { connectorType: 'httpEntraId' })) },
    { name: 'the SQL connector is limited to the private server', design: edited(bare, sqlWorkload, dataPolicy({ endpointRules: limited })) },
    { name: 'the rules name the connector by its short name', design: edited(bare, sqlWorkload, dataPolicy({ endpointRules: limited.map((r) => ({ ...r, connector: 'shared_sql' })) })) },
    { name: 'the policy blocks the connector (PPV-056)', design: edited(bare, sqlWorkload, dataPolicy({ connectors: [{ connector: SQL_ID, group: 'Blocked' }] })) },
    { name: 'the policy does not cover the environment', design: edited(bare, sqlWorkload, dataPolicy({ environmentScope: 'ExceptEnvironments' })) },
    { name: 'endpoint rules unknown', design: edited(bare, sqlWorkload, dataPolicy({ endpointRules: undefined })) },
    { name: 'the server has no private endpoint', design: edited(bare, sqlWorkload, remove('pe-sql'), dataPolicy()) },
  ],
  invalid: [
    { name: "the seed's policy does not filter a SQL connector added to it", design: edited(shipped, sqlWorkload), expected: ['dlp-casemgmt'], messages: [/has no endpoint rules for the connector "Case SQL"/] },
    { name: 'no endpoint rules for the SQL connector', design: edited(bare, sqlWorkload, dataPolicy()), expected: ['dlp-1'], messages: [/has no endpoint rules for the connector "Case SQL".*sql-casemgmt\.database\.windows\.net,database/] },
    { name: 'the rules end with * Allow', design: edited(bare, sqlWorkload, dataPolicy({ endpointRules: [limited[0]!, { ...limited[1]!, behavior: 'Allow' }] })), expected: ['dlp-1'], messages: [/does not end the endpoint rules with \* Deny/] },
    { name: 'a tenant-wide policy', design: edited(bare, sqlWorkload, dataPolicy({ environmentScope: 'AllEnvironments' }, 'dlp-1', [])), expected: ['dlp-1'] },
  ],
});
