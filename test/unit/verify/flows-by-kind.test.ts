// Flows asked for by target kind are exactly the full run's flows of those kinds, in the same order:
// PPV-024 traces only the kinds it judges, and must judge the same flows it would have picked out.
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../../bench/rules.bench';
import { Topology } from '../../../src/core/model/topology';
import type { FlowTarget } from '../../../src/core/verify/flow';
import { flowsOf, verifyDesign } from '../../../src/core/verify/verify-design';
import { loadSample } from '../support/designs';

const KINDS: FlowTarget['kind'][] = ['privateEndpoint', 'onPremises', 'publicService'];

describe('flows by target kind', () => {
  for (const [name, design] of [['seed', loadSample('seed')], ['alm', loadSample('alm')], ['generated', generateDesign(500)]] as const) {
    it(`equal the full run's flows of those kinds on ${name}`, () => {
      const t = new Topology(design);
      const all = verifyDesign(design);
      expect(flowsOf(t, KINDS)).toEqual(all.filter((f) => KINDS.includes(f.target.kind)));
      expect(flowsOf(t, ['internet'])).toEqual(all.filter((f) => f.target.kind === 'internet'));
      expect(flowsOf(t, ['dns'])).toEqual(all.filter((f) => f.target.kind === 'dns'));
      expect(flowsOf(t)).toEqual(all);
    });
  }
});
