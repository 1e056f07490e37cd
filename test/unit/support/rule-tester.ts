// Table-driven tests for one rule (after ESLint's RuleTester): valid designs give no finding of the
// rule; each invalid design gives exactly the expected findings, named by the element or relation.
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/core/model/design-edits';
import type { Design } from '../../../src/core/model/schema';
import { validateDesign } from '../../../src/core/rules/engine';
import type { Finding, Rule } from '../../../src/core/rules/rule';

export interface ValidCase {
  readonly name: string;
  readonly design: Design;
}

export interface InvalidCase extends ValidCase {
  /** The refs the findings name, as `elementId`, `relationId` or `(design)`; order-free, duplicates count. */
  readonly expected: readonly string[];
  /** Each finding's message must match one of these (in any order). */
  readonly messages?: readonly RegExp[];
  /** When set, the first finding's first quick fix is applied and the rule must then be silent. */
  readonly fixResolves?: boolean;
}

export function refOf(f: Finding): string {
  return f.elementId ?? f.relationId ?? '(design)';
}

export function runRule(rule: Rule, design: Design): Finding[] {
  return validateDesign(design, { rules: [rule] });
}

export function testRule(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has at least one valid and one invalid case', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(runRule(rule, c.design).map((f) => `${refOf(f)}: ${f.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const findings = runRule(rule, c.design);
        expect(findings.map(refOf).sort()).toEqual([...c.expected].sort());
        for (const f of findings) {
          expect(f.severity).toBe(rule.meta.severity);
          expect(f.message.length).toBeGreaterThan(10);
          if (c.messages) expect(c.messages.some((m) => m.test(f.message)), f.message).toBe(true);
        }
        if (c.fixResolves) {
          const fix = findings[0]?.fixes?.[0];
          expect(fix, 'expected a quick fix').toBeDefined();
          const applied = applyEdit(c.design, fix!.edit);
          expect(applied.ok, applied.ok ? '' : applied.error).toBe(true);
          if (applied.ok) expect(runRule(rule, applied.design).filter((f) => refOf(f) === refOf(findings[0]!))).toEqual([]);
        }
      });
    }
  });
}
