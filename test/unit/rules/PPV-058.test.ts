import { rule } from '../../../src/core/rules/catalog/PPV-058';
import { edited } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { dataPolicy, seedWithoutDataPolicy as bare, seed as shipped, SQL_ID } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'no endpoint rules', design: edited(bare, dataPolicy()) },
    { name: "the seed's policy", design: shipped },
    { name: 'the rules end with *', design: edited(bare, dataPolicy({ endpointRules: [{ connector: SQL_ID, endpoint: 'a.database.windows.net,*', behavior: 'Allow' }, { connector: SQL_ID, endpoint: '*', behavior: 'Deny' }, { connector: 'http', endpoint: '*', behavior: 'Allow' }] })) },
  ],
  invalid: [
    { name: "one connector's rules stop before *", design: edited(bare, dataPolicy({ endpointRules: [{ connector: SQL_ID, endpoint: '*', behavior: 'Deny' }, { connector: 'http', endpoint: 'https://a.contoso.com/*', behavior: 'Allow' }] })), expected: ['dlp-1'], messages: [/rules of http end with 'https:\/\/a\.contoso\.com\/\*', not \*/] },
  ],
});
