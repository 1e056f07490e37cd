// The findings delta: keyed by rule, target and message, so moved elements keep their findings "unchanged".
import { describe, expect, it } from 'vitest';
import { diffFindings, newErrors } from '../../../src/core/diff/findings-delta';
import type { Finding } from '../../../src/core/rules/rule';
import { validateDesign } from '../../../src/core/rules/engine';
import { edited, loadSample, set } from '../support/designs';

const f = (ruleId: string, elementId: string, message: string, severity: Finding['severity'] = 'error'): Finding => ({ ruleId, elementId, message, severity });

describe('diffFindings', () => {
  it('classifies new, fixed and unchanged findings', () => {
    const d = diffFindings([f('PPV-001', 'a', 'x'), f('PPV-002', 'b', 'y')], [f('PPV-002', 'b', 'y'), f('PPV-003', 'c', 'z', 'warning')]);
    expect(d.added.map((x) => x.ruleId)).toEqual(['PPV-003']);
    expect(d.fixed.map((x) => x.ruleId)).toEqual(['PPV-001']);
    expect(d.unchanged.map((x) => x.ruleId)).toEqual(['PPV-002']);
    expect(newErrors(d)).toBe(0);
  });

  it('ignores positions and pairs repeated findings one to one', () => {
    const at = (line: number) => ({ file: 'a.ppvnet.json', range: { start: { line, character: 0 }, end: { line, character: 1 } } });
    const d = diffFindings([{ ...f('PPV-001', 'a', 'x'), location: at(3) }], [{ ...f('PPV-001', 'a', 'x'), location: at(9) }, f('PPV-001', 'a', 'x')]);
    expect(d.unchanged).toHaveLength(1);
    expect(d.added).toHaveLength(1);
    expect(newErrors(d)).toBe(1);
  });

  it('sees the error a change brings into the seed', () => {
    const seed = loadSample('seed');
    const broken = edited(seed, set('snet-pp-neu', { delegations: [] }));
    const d = diffFindings(validateDesign(seed), validateDesign(broken));
    expect(d.added.some((x) => x.ruleId === 'PPV-008' && x.severity === 'error')).toBe(true);
    expect(d.fixed).toEqual([]);
    expect(newErrors(d)).toBeGreaterThan(0);
  });
});
