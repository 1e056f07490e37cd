// The AZ rule pages agree with the rules they document: same title, severity, rationale, fix and sources.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AZ_RULES } from '../../../src/core/rules/catalog/az';
import { validateDesign } from '../../../src/core/rules/engine';
import { loadSample } from '../support/designs';

const ROOT = path.resolve(__dirname, '../../..');

describe('AZ rule docs', () => {
  for (const rule of AZ_RULES) {
    it(`${rule.meta.id}.md matches the rule's title, severity and sources`, () => {
      const text = readFileSync(path.join(ROOT, 'docs/rules', `${rule.meta.id}.md`), 'utf8');
      expect(text.split('\n')[0]).toBe(`# ${rule.meta.id}: ${rule.meta.title}`);
      expect(text).toContain(`Severity: **${rule.meta.severity}**`);
      expect(text).toContain(`## Why\n\n${rule.meta.rationale}\n`);
      expect(text).toContain(`## How to fix\n\n${rule.meta.fix}\n`);
      const sources = text.slice(text.indexOf('## Sources'));
      for (const s of rule.meta.sources) expect(sources).toContain(`(${s.url})`);
      expect(text).toMatch(/```bicep\n[\s\S]+?\n```/);
      expect(text).toMatch(/```hcl\n[\s\S]+?\n```/);
    });
  }
});

describe('AZ rules on the shipped samples', () => {
  for (const name of ['seed', 'minimal'] as const) {
    it(`find nothing in the ${name} sample`, () => {
      expect(validateDesign(loadSample(name), { rules: AZ_RULES })).toEqual([]);
    });
  }
});
