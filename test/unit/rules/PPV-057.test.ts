import { rule } from '../../../src/core/rules/catalog/PPV-057';
import { edited } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { dataPolicy, seedWithoutDataPolicy as bare, removeLink, seed as shipped } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the design models no data policy', design: bare },
    { name: "the seed: its data policy names the environment", design: shipped },
    { name: 'a policy names the environment', design: edited(bare, dataPolicy()) },
    { name: 'a tenant-wide policy', design: edited(bare, dataPolicy({ environmentScope: 'AllEnvironments' }, 'dlp-1', [])) },
    { name: 'a policy of unknown scope may cover it', design: edited(bare, dataPolicy({ environmentScope: undefined }, 'dlp-1', [])) },
    { name: 'the environment has no VNet support', design: edited(bare, removeLink, dataPolicy({}, 'dlp-1', [])) },
  ],
  invalid: [
    { name: 'a policy for no environment of the design', design: edited(bare, dataPolicy({}, 'dlp-1', [])), expected: ['env-prod'], messages: [/none of the design's data policies \("dlp-1"\) covers it/] },
    { name: 'a policy that excepts the environment', design: edited(bare, dataPolicy({ environmentScope: 'ExceptEnvironments' })), expected: ['env-prod'] },
  ],
});
