// Meta-test of the rule catalog: every rule of domain.md §7–8 is registered under its id, and each has
// its own source file, doc page (with the required sections) and test file, and cites a source.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/core/rules/registry';

const ROOT = path.resolve(__dirname, '../../..');
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const EXPECTED_IDS = [
  ...Array.from({ length: 53 }, (_, i) => `PPV-${pad(i + 1, 3)}`),
  // PPV-054…058: data policies (DLP).
  ...Array.from({ length: 5 }, (_, i) => `PPV-${pad(i + 54, 3)}`),
  ...Array.from({ length: 17 }, (_, i) => `AZ-${pad(i + 1, 2)}`),
];
const DOC_SECTIONS = ['## What it checks', '## Why', '## How to fix', '## Examples', '### Bicep', '### Terraform', '## Sources'];

describe('rule catalog', () => {
  it('registers every rule of the catalog, each once, in id order', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(ids).toEqual(EXPECTED_IDS);
  });

  it('has one source file per registered rule and no unregistered rule file', () => {
    const files = readdirSync(path.join(ROOT, 'src/core/rules/catalog')).filter((f) => /^(PPV|AZ)-\d+\.ts$/.test(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  for (const rule of RULES) {
    const id = rule.meta.id;
    describe(id, () => {
      it('has a test file named for it', () => {
        expect(existsSync(path.join(ROOT, 'test/unit/rules', `${id}.test.ts`))).toBe(true);
      });
      it('has a doc page with every section', () => {
        const doc = path.join(ROOT, 'docs/rules', `${id}.md`);
        expect(existsSync(doc)).toBe(true);
        const text = readFileSync(doc, 'utf8');
        expect(text.startsWith(`# ${id}: `)).toBe(true);
        for (const s of DOC_SECTIONS) expect(text, `${id}.md lacks "${s}"`).toContain(s);
      });
      it('cites at least one source by https URL, and explains itself', () => {
        expect(rule.meta.sources.length).toBeGreaterThan(0);
        for (const s of rule.meta.sources) expect(s.url).toMatch(/^https:\/\//);
        expect(rule.meta.rationale.length).toBeGreaterThan(20);
        expect(rule.meta.fix.length).toBeGreaterThan(10);
        if (rule.meta.checkable === 'guidance') {
          expect(rule.meta.severity).toBe('info');
          expect(rule.meta.whyNotStatic?.length ?? 0).toBeGreaterThan(20);
        }
      });
    });
  }
});
