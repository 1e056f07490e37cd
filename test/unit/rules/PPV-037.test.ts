import { describe, expect, it } from 'vitest';
import { validateDesign } from '../../../src/core/rules/engine';
import { rule } from '../../../src/core/rules/catalog/PPV-037';
import type { Element } from '../../../src/core/model/schema';
import { edited } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { add, linkedEnvironment, secondPolicy, seed } from './ppv-fixtures';

const unlinked = add([{ id: 'env-legacy', kind: 'environment', name: 'env-legacy', geography: 'europe' } as Element]);

testRule(rule, {
  valid: [
    { name: 'the seed: one environment', design: seed },
    { name: 'two environments on the same policy', design: edited(seed, linkedEnvironment('env-test', { environmentType: 'Sandbox' })) },
  ],
  invalid: [
    {
      name: 'environments on two policies',
      design: edited(seed, secondPolicy(), linkedEnvironment('env-test', { environmentType: 'Sandbox' }, 'policy-2')),
      expected: ['env-prod', 'env-test'],
      messages: [/only to environments on its own enterprise policy; "env-test" is not/, /"Case Management \(Prod\)"|env-prod/],
    },
    // The environment without a policy gets no finding: restoring it into a VNet environment works.
    { name: 'an environment without a policy', design: edited(seed, unlinked), expected: ['env-prod'], messages: [/"env-legacy" is not/] },
  ],
});

describe('PPV-037 on many policies', () => {
  // Twelve more environments, each on its own policy: every finding names ten others and counts the rest.
  const many = edited(seed, ...Array.from({ length: 12 }, (_, i) => [secondPolicy(`policy-${i}`), linkedEnvironment(`env-${i}`, {}, `policy-${i}`)]).flat());
  const findings = validateDesign(many, { rules: [rule] });

  it('reports every environment on a policy, naming at most ten others', () => {
    expect(findings).toHaveLength(13);
    for (const f of findings) {
      expect(f.related).toHaveLength(10);
      expect(f.message).toMatch(/ and 2 more environments are not\.$/);
    }
  });

  it('never names the environment itself or one on its own policy', () => {
    for (const f of findings) expect(f.related!.map((r) => r.elementId)).not.toContain(f.elementId);
  });
});
