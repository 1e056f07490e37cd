// The Markdown report is posted as a comment: names from the inputs must not add links, HTML or table cells.
import { describe, expect, it } from 'vitest';
import { diffDesigns } from '../../../src/core/diff/design-diff';
import { diffFindings } from '../../../src/core/diff/findings-delta';
import { formatDiffMarkdown, mdCode, mdText } from '../../../src/cli/format/diff-markdown';
import { edited, loadSample, set, unchecked } from '../support/designs';

describe('Markdown escaping', () => {
  it('keeps markup, HTML and table pipes as text', () => {
    expect(mdText('<img src=x> [a](b) | *x* `y`')).toBe('&lt;img src=x&gt; \\[a\\](b) \\| \\*x\\* \\`y\\`');
    expect(mdCode('a`b')).toBe('`` a`b ``');
    expect(mdCode('x|y')).toBe('`x\\|y`');
  });

  it('escapes a hostile name read from IaC in the change list', () => {
    const seed = loadSample('seed');
    const after = unchecked(edited(seed, set('nat-weu', { idleTimeoutMinutes: 10 })), 'nat-weu', { name: 'ng</details><script>|x' });
    const md = formatDiffMarkdown({ old: 'a', new: 'b', diff: diffDesigns(seed, after), findings: diffFindings([], []) });
    expect(md).toContain('"ng&lt;/details&gt;&lt;script&gt;\\|x"');
    expect(md).not.toContain('<script>');
    expect(md).toContain('  - `idleTimeoutMinutes` 4 → 10');
  });
});
