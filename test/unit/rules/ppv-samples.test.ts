// The shipped samples are the reference designs: the rules find no error and no warning
// in them, only the info-level guidance; the firewall sample's one lesson is the API its firewall denies.
import { describe, expect, it } from 'vitest';
import { PPV_RULES } from '../../../src/core/rules/catalog/ppv';
import { validateDesign } from '../../../src/core/rules/engine';
import { loadSample } from '../support/designs';
import { minimal, seed } from './ppv-fixtures';

describe('PPV rules on the samples', () => {
  for (const [name, design] of [['seed', seed], ['minimal', minimal], ['alm', loadSample('alm')], ['hybrid-dns', loadSample('hybrid-dns')]] as const) {
    it(`${name}: no error or warning`, () => {
      const findings = validateDesign(design);
      expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} ${f.elementId}: ${f.message}`)).toEqual([]);
    });
  }
  it('hub-firewall: only the intended warning, the API its firewalls deny', () => {
    const findings = validateDesign(loadSample('hub-firewall')).filter((f) => f.severity !== 'info');
    expect(findings.map((f) => `${f.severity} ${f.ruleId} ${f.elementId}`).sort()).toEqual(['warning PPV-048 afw-neu', 'warning PPV-048 afw-weu']);
  });
  it('the catalog is PPV-001…PPV-058 in order', () => {
    expect(PPV_RULES.map((r) => r.meta.id)).toEqual(Array.from({ length: 58 }, (_, i) => `PPV-${String(i + 1).padStart(3, '0')}`));
  });
});
