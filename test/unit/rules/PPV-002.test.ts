import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/core/rules/catalog/PPV-002';
import { edited, set } from '../support/designs';
import { runRule, testRule } from '../support/rule-tester';
import { minimal, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed (europe)', design: seed },
    { name: 'the minimal sample (brazil)', design: minimal },
    { name: 'uk', design: edited(seed, set('policy-prod', { geography: 'uk' })) },
    { name: 'unknown geography (unresolved in IaC)', design: edited(seed, set('policy-prod', { geography: undefined })) },
  ],
  invalid: [
    { name: 'an Azure region', design: edited(seed, set('policy-prod', { geography: 'westeurope' })), expected: ['policy-prod'], messages: [/did you mean the geography 'europe'/], fixResolves: true },
    { name: 'the environment alias unitedkingdom', design: edited(seed, set('policy-prod', { geography: 'unitedkingdom' })), expected: ['policy-prod'], messages: [/'uk'/], fixResolves: true },
    { name: 'an internal EUAP location', design: edited(seed, set('policy-prod', { geography: 'centraluseuap' })), expected: ['policy-prod'], messages: [/internal/] },
    { name: 'no geography at all', design: edited(seed, set('policy-prod', { geography: 'atlantis' })), expected: ['policy-prod'], messages: [/not a Power Platform geography/] },
  ],
});

describe('PPV-002 hints', () => {
  it('offers every geography that serves an ambiguous region', () => {
    const [f] = runRule(rule, edited(seed, set('policy-prod', { geography: 'southeastasia' })));
    expect(f?.message).toMatch(/'asia' or 'singapore'/);
    expect(f?.fixes?.map((x) => x.title)).toEqual(["Use geography 'asia'", "Use geography 'singapore'"]);
  });
});
