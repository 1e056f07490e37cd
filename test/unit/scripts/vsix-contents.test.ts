// What the VSIX ships, as `vsce ls` lists it from .vscodeignore: the bundles (Node and web entries), media, samples, rule docs and the
// marketplace files, and nothing else (no sources, tests, scripts, maps, README images or the icon source in docs/images).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const SHIPPED = [
  /^package\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/,
  /^out\/extension\.js$/, /^out\/(azure-sdk|elk)\.js$/, /^out\/web\/extension\.js$/, /^out\/ppvnet\.schema\.json$/, /^out\/webview\/[\w-]+\.(js|css)$/, /^out\/wasm\/[\w.-]+\.wasm$/,
  /^media\/[\w-]+\.(svg|png)$/, /^media\/walkthrough\/[\w-]+\.jpg$/, /^samples\/[\w-]+\.ppvnet\.json$/, /^docs\/rules\/[\w-]+\.md$/,
];

describe('VSIX contents', () => {
  const files = execFileSync(join(root, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
    .split('\n').map((l) => l.trim()).filter(Boolean);

  it('lists only what ships', () => {
    expect(files.filter((f) => !SHIPPED.some((re) => re.test(f)))).toEqual([]);
  });

  it('carries the marketplace files, the icon and the walkthrough images', () => {
    const pkg = JSON.parse(execFileSync('cat', [join(root, 'package.json')], { encoding: 'utf8' })) as { icon: string; contributes: { walkthroughs: { steps: { media: { image: string } }[] }[] } };
    const images = pkg.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.image));
    for (const f of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', pkg.icon, ...images]) expect(files).toContain(f);
    expect(files.filter((f) => f.startsWith('docs/images/'))).toEqual([]);
  });

  it('carries the side bundles the Node entry requires on first use', () => {
    const main = readFileSync(join(root, 'out', 'extension.js'), 'utf8');
    const required = [...main.matchAll(/require\("\.\/([\w-]+\.js)"\)/g)].map((m) => m[1]);
    expect(required.sort()).toEqual(['azure-sdk.js', 'elk.js']);
    for (const f of required) expect(files).toContain(`out/${f}`);
  });

  it('carries both entries: main for the Node extension host, browser for the web worker host', () => {
    const pkg = JSON.parse(execFileSync('cat', [join(root, 'package.json')], { encoding: 'utf8' })) as { main: string; browser: string };
    expect(pkg.browser).toBeTruthy();
    for (const entry of [pkg.main, pkg.browser]) expect(files).toContain(entry.replace(/^\.\//, ''));
  });
});
