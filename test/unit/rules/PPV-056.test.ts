import { rule } from '../../../src/core/rules/catalog/PPV-056';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { dataPolicy, seedWithoutDataPolicy as bare, seed as shipped, SQL_ID, sqlWorkload } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'no data policy', design: edited(bare, sqlWorkload) },
    { name: "the seed: its custom connector's host is in the Business pattern", design: shipped },
    { name: 'SQL in Business, its server allowed', design: edited(bare, sqlWorkload, dataPolicy({ connectors: [{ connector: SQL_ID, group: 'Business' }], endpointRules: [{ connector: SQL_ID, endpoint: '*.database.windows.net*', behavior: 'Allow' }, { connector: SQL_ID, endpoint: '*', behavior: 'Deny' }] })) },
    { name: 'SQL blocked by a policy for other environments', design: edited(bare, sqlWorkload, dataPolicy({ connectors: [{ connector: SQL_ID, group: 'Blocked' }] }, 'dlp-1', [])) },
    { name: 'custom connector host not blocked', design: edited(bare, dataPolicy({ customConnectorPatterns: [{ hostUrlPattern: 'https://*.contoso.com', group: 'Blocked' }, { hostUrlPattern: '*', group: 'Ignore' }] })) },
  ],
  invalid: [
    { name: "the seed's policy blocks an HTTP connector", design: edited(shipped, set('conn-casemgmt', { connectorType: 'http' })), expected: ['conn-casemgmt'], messages: [/puts its connector \(http\) in the Blocked group/] },
    { name: 'SQL in the Blocked group', design: edited(bare, sqlWorkload, dataPolicy({ connectors: [{ connector: SQL_ID, group: 'Blocked' }] })), expected: ['conn-sql'], messages: [/puts its connector .*shared_sql.* in the Blocked group/] },
    { name: 'every unlisted connector blocked', design: edited(bare, sqlWorkload, dataPolicy({ defaultGroup: 'Blocked' })), expected: ['conn-sql'], messages: [/blocks every connector it does not list/] },
    { name: 'the server denied by endpoint filtering', design: edited(bare, sqlWorkload, dataPolicy({ endpointRules: [{ connector: SQL_ID, endpoint: 'other.database.windows.net,*', behavior: 'Allow' }, { connector: SQL_ID, endpoint: '*', behavior: 'Deny' }] })), expected: ['conn-sql'], messages: [/denies the endpoint 'sql-casemgmt\.database\.windows\.net,database'/] },
    { name: 'the custom connector host blocked by pattern', design: edited(bare, set('conn-casemgmt', { host: 'api.contoso.com' }), dataPolicy({ customConnectorPatterns: [{ hostUrlPattern: 'https://*.contoso.com', group: 'Blocked' }, { hostUrlPattern: '*', group: 'Ignore' }] })), expected: ['conn-casemgmt'], messages: [/blocks custom connectors at https:\/\/api\.contoso\.com/] },
  ],
});
