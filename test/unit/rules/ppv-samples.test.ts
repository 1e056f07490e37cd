// The shipped samples are the reference designs: the rules find no error and no warning
// in them, only the info-level guidance.
import { describe, expect, it } from 'vitest';
import { PPV_RULES } from '../../../src/core/rules/catalog/ppv';
import { validateDesign } from '../../../src/core/rules/engine';
import { loadSample } from '../support/designs';
import { minimal, seed } from './ppv-fixtures';

describe('PPV rules on the samples', () => {
  for (const [name, design] of [['seed', seed], ['minimal', minimal], ['alm', loadSample('alm')]] as const) {
    it(`${name}: no error or warning`, () => {
      const findings = validateDesign(design);
      expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} ${f.elementId}: ${f.message}`)).toEqual([]);
    });
  }
  it('the catalog is PPV-001…PPV-045, then PPV-054…PPV-058, in order', () => {
    const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `PPV-${String(i + from).padStart(3, '0')}`);
    expect(PPV_RULES.map((r) => r.meta.id)).toEqual([...ids(1, 45), ...ids(54, 58)]);
  });
});
