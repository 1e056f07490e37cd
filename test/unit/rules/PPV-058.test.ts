import { rule } from '../../../src/core/rules/catalog/PPV-058';
import { edited } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { dataPolicy, seed, SQL_ID } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'no endpoint rules', design: edited(seed, dataPolicy()) },
    { name: 'the rules end with *', design: edited(seed, dataPolicy({ endpointRules: [{ connector: SQL_ID, endpoint: 'a.database.windows.net,*', behavior: 'Allow' }, { connector: SQL_ID, endpoint: '*', behavior: 'Deny' }, { connector: 'http', endpoint: '*', behavior: 'Allow' }] })) },
  ],
  invalid: [
    { name: "one connector's rules stop before *", design: edited(seed, dataPolicy({ endpointRules: [{ connector: SQL_ID, endpoint: '*', behavior: 'Deny' }, { connector: 'http', endpoint: 'https://a.contoso.com/*', behavior: 'Allow' }] })), expected: ['dlp-1'], messages: [/rules of http end with 'https:\/\/a\.contoso\.com\/\*', not \*/] },
  ],
});
