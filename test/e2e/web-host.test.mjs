// e2e: the web extension (package.json `browser`, out/web/extension.js) in the web worker extension host of a
// real VS Code (code-server). The VSIX is re-packed without `main`, so VS Code has no Node host to run it in;
// it runs on a server of its own, because scripts/e2e.sh's server already has the normal VSIX. Checks the
// designer, live validation in the Problems panel, a quick fix, export to Terraform through
// vscode.workspace.fs, and findings and a quick fix on an open Terraform file (tree-sitter wasm loaded in the
// worker).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FIXTURES, ROOT, editorTab, freshWorkspace, openWorkbench, quickOpen, runCommand, screenshot, webview, withBrowser } from './lib.mjs';

const VSIX = join(ROOT, 'out/ppvnet.vsix');
const RUN = resolve(ROOT, process.env.E2E_RUN_DIR ?? '.ppvnet-run/e2e');
const FILE = 'seed.ppvnet.json';
let server;

/** out/ppvnet.vsix with `main` removed from its package.json: a browser-only (web) extension. */
async function webOnlyVsix(dir) {
  const stage = join(dir, 'stage');
  execFileSync('unzip', ['-q', VSIX, '-d', stage]);
  const pkgPath = join(stage, 'extension', 'package.json');
  const pkg = JSON.parse(await readFile(pkgPath, 'utf8'));
  assert.ok(pkg.browser, 'the packaged package.json has no browser entry');
  delete pkg.main;
  await writeFile(pkgPath, JSON.stringify(pkg, null, 2));
  const out = join(dir, 'ppvnet-web.vsix');
  execFileSync('zip', ['-q', '-r', '-X', out, '.'], { cwd: stage });
  await rm(stage, { recursive: true });
  return out;
}

/** Starts code-server (scripts/code-server.sh) with `vsix` installed; resolves with its port and process group. */
async function startServer(runDir, vsix) {
  const child = spawn('bash', [join(ROOT, 'scripts/code-server.sh'), '--run-dir', runDir, '--install-extension', vsix], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const code = await new Promise((r) => child.on('close', r));
  if (code !== 0) throw new Error(`code-server.sh failed (${code}): ${stderr}`);
  const port = /CS_PORT=(\d+)/.exec(stdout)?.[1];
  const pid = /CS_PID=(\d+)/.exec(stdout)?.[1];
  if (!port || !pid) throw new Error(`code-server.sh printed no port/pid: ${stdout}`);
  return { base: `http://127.0.0.1:${port}`, pid: Number(pid), runDir };
}

before(async () => {
  assert.ok(existsSync(VSIX), `${VSIX} is missing: run through scripts/e2e.sh, which packages it`);
  await mkdir(RUN, { recursive: true });
  const dir = await mkdtemp(join(RUN, 'web-host-'));
  server = await startServer(join(dir, 'server'), await webOnlyVsix(dir));
});

after(() => {
  if (server) {
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  }
});

async function waitFor(check, message, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(typeof message === 'function' ? await message() : message);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The Problems panel's rows (the panel must be showing). */
const problemRows = (page, text) => page.locator('.markers-panel .monaco-list-row', { hasText: text });

/** Ctrl+P on a folder-qualified path, taking the row whose description names that folder. */
async function openPath(page, relPath, timeoutMs = 60_000) {
  const [folder, base] = [relPath.split('/')[0], relPath.split('/').pop()];
  const input = page.locator('.quick-input-widget input');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(relPath);
    try {
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first();
      await row.waitFor({ timeout: 5_000 });
      if (!(await row.innerText()).includes(folder)) throw new Error('not yet');
      await page.keyboard.press('Enter');
      return;
    } catch {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`quick open never offered ${relPath}`);
    }
  }
}

test('the web extension runs in the web worker host: designer, Problems, quick fixes, Terraform export and IaC findings', async (t) => {
  const folder = await freshWorkspace('e2e-workspace');
  await cp(join(FIXTURES, 'iac', 'terraform-problems'), join(folder, 'terraform-problems'), { recursive: true });
  await withBrowser(t, async ({ page }) => {
    // The web entry logs one line at activation; the worker host forwards its console to the page.
    const hostLines = [];
    page.on('console', (m) => { if (m.text().includes('ppvnet: web extension host')) hostLines.push(m.text()); });
    await openWorkbench(page, folder, FILE, { base: server.base });
    const line = await waitFor(() => hostLines[0], 'the web extension never logged its activation line');
    t.diagnostic(`host: ${line}`);
    assert.match(line, /WorkerGlobalScope: function, process: undefined/, 'the extension did not run in a web worker');

    // Node-only commands are hidden from the palette in the web host.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Power Platform VNet: Import from Azure');
    await page.waitForTimeout(1_500);
    assert.equal(await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Power Platform VNet: Import from Azure' }).count(), 0,
      'Import from Azure is offered in the web host');
    await page.keyboard.press('Escape');

    await quickOpen(page, FILE);
    await webview(page, '.react-flow__node').first().waitFor({ timeout: 60_000 });

    // Removing the failover subnet's delegation is PPV-008 (the enterprise policy would fail to deploy).
    await webview(page, '.react-flow__node[data-id="snet-pp-neu"]').click();
    const delegations = webview(page, '[data-testid="prop-delegations"]');
    await delegations.waitFor({ timeout: 15_000 });
    await delegations.fill('');
    await delegations.press('Enter');
    await runCommand(page, 'Focus on Problems View');
    await page.locator('.markers-panel').first().waitFor({ timeout: 30_000 });
    await problemRows(page, 'PPV-008').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    t.diagnostic(`screenshot: ${await screenshot(page, 'web-host-problem')}`);

    // The quick fix from the designer's problem list puts the delegation back; the Problems panel follows.
    await webview(page, '[data-testid="fix-PPV-008-0"]').first().click();
    await waitFor(async () => (await problemRows(page, 'PPV-008').count()) === 0, 'PPV-008 stayed in the Problems panel after the quick fix');

    // Export goes through vscode.workspace.fs: the file lands on the server's disk and opens.
    await editorTab(page, FILE).click();
    await webview(page, '.react-flow__node').first().waitFor({ timeout: 60_000 });
    await runCommand(page, 'Power Platform VNet: Export to Terraform');
    const mainTf = join(folder, 'infra', 'seed', 'terraform', 'main.tf');
    await waitFor(() => existsSync(mainTf), `${mainTf} was never written`);
    assert.match(await readFile(mainTf, 'utf8'), /resource "azapi_resource" "policy_prod" \{/);
    await editorTab(page, 'main.tf').waitFor({ timeout: 30_000 });

    // A Terraform file with planted problems: its findings need the tree-sitter wasm, read from out/wasm.
    await openPath(page, 'terraform-problems/main.tf');
    await runCommand(page, 'Focus on Problems View');
    await problemRows(page, 'PPV-011').first().waitFor({ timeout: 90_000 });
    await problemRows(page, 'PPV-008').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1_000);
    t.diagnostic(`screenshot: ${await screenshot(page, 'web-host')}`);

    // The editor's quick fix (a code action on the finding) adds the delegation block to the subnet.
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(':40:3');
    await page.keyboard.press('Enter');
    const fixTitle = 'Delegate this subnet to Microsoft.PowerPlatform/enterprisePolicies';
    await waitFor(async () => {
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: fixTitle }).first();
      try {
        await item.waitFor({ timeout: 3_000 });
      } catch {
        await page.keyboard.press('Escape');
        return false;
      }
      await item.click();
      return true;
    }, `the quick fix "${fixTitle}" was never offered on main.tf line 40`);
    await waitFor(async () => (await problemRows(page, 'PPV-008').count()) === 0, 'PPV-008 stayed on main.tf after its quick fix');
    // The fixture names no delegation "powerplatform"; the fix's block does (line 40's comment names the service too).
    assert.match(await page.locator('.editor-instance .view-lines').first().innerText(), /"powerplatform"/, 'the delegation block is not in the editor');
    t.diagnostic(`screenshot: ${await screenshot(page, 'web-host-iac-fixed')}`);
  });
});
