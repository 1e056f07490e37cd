// README.md's rules index is generated from the catalog; this fails when someone adds or renames a rule
// without regenerating it (npx tsx scripts/gen-rules-index.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, renderRulesIndex, withRulesIndex } from '../../../scripts/gen-rules-index';
import { RULES } from '../../../src/core/rules/registry';

describe('README rules index', () => {
  it('is up to date with the rule catalog', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withRulesIndex(readme, renderRulesIndex(RULES)), 'run: npx tsx scripts/gen-rules-index.ts').toBe(readme);
  });

  it('lists every rule with a link to its page', () => {
    const index = renderRulesIndex(RULES);
    for (const r of RULES) expect(index).toContain(`| [${r.meta.id}](docs/rules/${r.meta.id}.md) | ${r.meta.title.replace(/\|/g, '\\|')} | ${r.meta.severity} |`);
  });

  it('replaces only the marked region', () => {
    const text = 'intro\n<!-- rules:start -->\nold\n<!-- rules:end -->\noutro\n';
    expect(withRulesIndex(text, 'NEW')).toBe('intro\n<!-- rules:start -->\nNEW\n<!-- rules:end -->\noutro\n');
    expect(() => withRulesIndex('no markers', 'x')).toThrow(/markers/);
  });
});
