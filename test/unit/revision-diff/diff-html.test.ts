// @vitest-environment jsdom
// The visual diff panel: names from the designs stay text, nothing can run, and the picture is a data: image.
import { describe, expect, it } from 'vitest';
import { diffDesigns } from '../../../src/core/diff/design-diff';
import { renderDiffSvg } from '../../../src/core/diff/diff-picture';
import { diffFindings } from '../../../src/core/diff/findings-delta';
import { validateDesign } from '../../../src/core/rules/engine';
import { buildDiffHtml, changesHtml, diffPanelCsp, findingsHtml, htmlText } from '../../../src/vscode/revision-diff/diff-html';
import { edited, loadSample, set, unchecked } from '../support/designs';

const HOSTILE = 'ng</li><script>alert(1)</script><img src=x onerror=alert(2)>\u202e"\'';

function page(title = 'network.ppvnet.json ↔ HEAD') {
  const seed = loadSample('seed');
  const after = unchecked(edited(seed, set('nat-weu', { idleTimeoutMinutes: 10 })), 'nat-weu', { name: HOSTILE });
  const diff = diffDesigns(seed, after);
  const findings = diffFindings(validateDesign(seed), validateDesign(after));
  const html = buildDiffHtml({ nonce: 'n0nce', title, report: { old: `HEAD:${HOSTILE}`, new: 'network.ppvnet.json', diff, findings }, svg: renderDiffSvg(after, diff) });
  return { html, doc: new DOMParser().parseFromString(html, 'text/html') };
}

describe('visual diff panel HTML', () => {
  it('allows no script and nothing remote: only the nonce-tagged style and data: images', () => {
    const csp = diffPanelCsp('n0nce');
    expect(csp).toBe("default-src 'none'; style-src 'nonce-n0nce'; img-src data:");
    const { doc } = page();
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(csp);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelector('style')!.getAttribute('nonce')).toBe('n0nce');
  });

  it('keeps a hostile element name as text in the change list, the sides and the title', () => {
    const { html, doc } = page(`${HOSTILE} ↔ HEAD`);
    expect(doc.querySelectorAll('script, iframe, [onerror]')).toHaveLength(0);
    expect(doc.querySelectorAll('img')).toHaveLength(1);
    expect(html).not.toContain('<script>');
    const changed = [...doc.querySelectorAll('.changes > li')].map((li) => li.textContent ?? '');
    expect(changed.some((t) => t.includes('ng</li><script>alert(1)</script>') && t.includes('\\u202e'))).toBe(true);
    expect(changed.some((t) => t.includes('idleTimeoutMinutes 4 → 10'))).toBe(true);
    expect(doc.querySelector('h1')!.textContent).toContain('<script>');
    expect(doc.querySelector('.sides')!.textContent).toContain(`HEAD:ng</li>`);
  });

  it('shows the picture as an SVG data: image, so its markup is never parsed into the page', () => {
    const { doc } = page();
    const src = doc.querySelector('img.picture')!.getAttribute('src')!;
    expect(src.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(src.slice(src.indexOf(',') + 1))).toMatch(/^(<\?xml[^>]*>\s*)?<svg /);
    expect(doc.querySelectorAll('body svg')).toHaveLength(0);
  });

  it('puts the picture right after the change list, before the findings', () => {
    const { doc } = page();
    const order = [...doc.body.children].map((e) => (e.tagName === 'H2' ? e.textContent : e.tagName === 'DETAILS' ? 'details' : e.tagName === 'IMG' ? 'img' : undefined)).filter(Boolean);
    expect(order.slice(0, 3)).toEqual(['Changes', 'Picture', 'img']);
    // The samples' seed has findings of its own, so the findings part is there to come after the picture.
    expect(order.length).toBeGreaterThan(3);
  });

  it('lists new and fixed findings with rule, element, line and an escaped message', () => {
    const seed = loadSample('seed');
    const zero = { line: 0, character: 0 };
    const finding = { ruleId: 'PPV-001', severity: 'error' as const, message: `bad <b>${HOSTILE}</b>`, elementId: 'nat-weu', location: { file: 'infra\\a.ppvnet.json', range: { start: { line: 41, character: 2 }, end: zero } } };
    const report = { old: 'a', new: 'b', diff: diffDesigns(seed, seed), findings: { added: [finding], fixed: [{ ...finding, severity: 'warning' as const }], unchanged: [] } };
    const html = `${changesHtml(report)}\n${findingsHtml(report)}`;
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['New findings', 'Fixed findings']);
    const cells = [...doc.querySelectorAll('table')[0]!.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells).toEqual(['error', 'PPV-001', 'nat-weu · infra/a.ppvnet.json:42', `bad <b>${HOSTILE.replace('\u202e', '\\u202e')}</b>`]);
    expect(doc.querySelectorAll('b, script, img')).toHaveLength(0);
    expect(doc.body.textContent).toContain('1 new (1 error), 1 fixed, 0 unchanged');
  });

  it('escapes every markup character htmlText is given', () => {
    expect(htmlText(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
