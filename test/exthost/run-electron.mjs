// Runs the test/exthost suites in desktop VS Code via @vscode/test-electron, for machines that can download VS Code (not CI here).
//
// Usage: npm run build && node test/exthost/run-electron.mjs [--vscode-version stable]
// The CI machines cannot reach the VS Code download servers; there the same suites run inside
// code-server instead (test/e2e/exthost.test.mjs), which is what `npm test` does.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const testsPath = join(ROOT, 'out/test/exthost/index.js');
if (!existsSync(testsPath) || !existsSync(join(ROOT, 'out/extension.js'))) {
  console.error('out/ is missing: run `npm run build` first');
  process.exit(1);
}

const versionArg = process.argv.indexOf('--vscode-version');
const version = versionArg > 0 ? process.argv[versionArg + 1] : 'stable';

const { runTests } = await import('@vscode/test-electron');
// A copy, so the suites' edits never touch the committed fixture.
const workspace = await mkdtemp(join(tmpdir(), 'ppvnet-exthost-'));
await cp(join(ROOT, 'test/fixtures/e2e-workspace'), workspace, { recursive: true });

try {
  await runTests({
    version,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: testsPath,
    // --disable-extensions turns off every other installed extension, never the one under development.
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
  });
  console.log('extension-host tests passed');
} catch (err) {
  console.error('extension-host tests failed:', err?.message ?? err);
  process.exitCode = 1;
} finally {
  await rm(workspace, { recursive: true, force: true });
}
