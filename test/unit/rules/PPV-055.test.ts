import { rule } from '../../../src/core/rules/catalog/PPV-055';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { dataPolicy, seedWithoutDataPolicy as bare, removeLink, seed as shipped } from './ppv-fixtures';

const http = set('conn-casemgmt', { connectorType: 'http' });

testRule(rule, {
  valid: [
    { name: 'a custom connector', design: bare },
    { name: "the seed: an HTTP connector is blocked by the seed's data policy", design: edited(shipped, http) },
    { name: 'the policy blocks HTTP', design: edited(bare, http, dataPolicy({ connectors: [{ connector: 'http', group: 'Blocked' }] })) },
    { name: 'every unlisted connector is blocked', design: edited(bare, http, dataPolicy({ defaultGroup: 'Blocked' })) },
    { name: 'HTTP is filtered, ending with * Deny', design: edited(bare, http, dataPolicy({ endpointRules: [{ connector: 'http', endpoint: 'https://api.contoso.com/*', behavior: 'Allow' }, { connector: 'http', endpoint: '*', behavior: 'Deny' }] })) },
    { name: 'an environment without VNet support', design: edited(bare, http, removeLink) },
  ],
  invalid: [
    { name: 'no data policy', design: edited(bare, http), expected: ['conn-casemgmt'], messages: [/HTTP connectors do not run in the delegated subnet.*No data policy in the design covers/] },
    { name: 'a policy that leaves HTTP in Non-business', design: edited(bare, http, dataPolicy()), expected: ['conn-casemgmt'], messages: [/No data policy covering it \("dlp-1"\) blocks the HTTP connector/] },
    { name: 'a policy covering other environments only', design: edited(bare, http, dataPolicy({ defaultGroup: 'Blocked' }, 'dlp-1', [])), expected: ['conn-casemgmt'] },
  ],
});
