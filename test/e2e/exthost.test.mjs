// e2e: runs the test/exthost mocha suites inside code-server's real extension host and checks their verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, freshWorkspace, runExtHostTests, withBrowser } from './lib.mjs';

const TESTS_PATH = join(ROOT, 'out/test/exthost/index.js');

test('extension-host mocha suites pass in real VS Code', async (t) => {
  assert.ok(existsSync(TESTS_PATH), `${TESTS_PATH} is missing: npm run build must bundle test/exthost/index.ts`);
  const folder = await freshWorkspace('e2e-workspace');
  await withBrowser(t, async ({ page }) => {
    const { code, log } = await runExtHostTests(page, { folder, testsPath: TESTS_PATH });
    // Echo mocha's own report (between the runner's markers); the whole workbench log only when it failed.
    const begin = log.findIndex((l) => l.includes('EXTHOST_BEGIN'));
    const end = log.findIndex((l) => l.includes('EXTHOST_RESULT '));
    const report = begin >= 0 ? log.slice(begin + 1, end >= 0 ? end + 1 : undefined) : log;
    // The workbench's offline gallery lookups (ENOTFOUND open-vsx.org) land in the same console.
    for (const l of report) if (!/open-vsx\.org/.test(l)) console.log(`[exthost] ${l}`);
    const line = end >= 0 ? log[end] : undefined;
    if (!line || code !== 0) for (const l of log) t.diagnostic(`workbench log: ${l}`);
    assert.ok(line, 'the runner never printed EXTHOST_RESULT: the suites did not load or run');
    const result = JSON.parse(line.slice(line.indexOf('EXTHOST_RESULT ') + 'EXTHOST_RESULT '.length));
    t.diagnostic(`extension host: ${result.passes} passed, ${result.failures} failed, exit code ${code}`);
    assert.equal(result.failures, 0, 'extension-host tests failed (see [exthost] lines above)');
    assert.ok(result.passes > 0, 'no extension-host test ran');
    assert.equal(code, 0, 'extension host exited with a non-zero code');
  });
});
