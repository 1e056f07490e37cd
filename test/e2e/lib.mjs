// Helpers for driving a real VS Code workbench (code-server started by scripts/e2e.sh) with playwright-core + Debian chromium.
import { chromium } from 'playwright-core';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PORT = process.env.CS_PORT;
export const AUTH = `127.0.0.1:${PORT}`;
export const BASE = `http://${AUTH}`;
export const FIXTURES = join(ROOT, 'test/fixtures');
export const ARTIFACTS = resolve(ROOT, process.env.E2E_ARTIFACTS ?? 'test-results');
// Fresh workspace copies go under the run dir so a failed run leaves them for inspection next to the server log.
const SCRATCH = resolve(ROOT, process.env.E2E_RUN_DIR ?? '.ppvnet-run/e2e');

if (!PORT) {
  throw new Error('CS_PORT is not set: run the e2e tests through scripts/e2e.sh, which starts code-server');
}

/**
 * Copy test/fixtures/<name> to a new temp folder. The server keeps one profile for all tests and VS Code
 * restores the open editors of a folder it has seen before, so every test needs a folder of its own.
 */
export async function freshWorkspace(name = 'e2e-workspace') {
  const src = join(FIXTURES, name);
  if (!existsSync(src)) throw new Error(`fixture folder ${src} does not exist`);
  await mkdir(SCRATCH, { recursive: true });
  const dir = await mkdtemp(join(SCRATCH, `ws-${name}-`));
  await cp(src, dir, { recursive: true });
  return dir;
}

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.PPVNET_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // playwright adds its own fresh --user-data-dir; the rest keeps chromium off the network and quiet.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // Two cores shared with builds and other runs: the workbench bundle alone can take tens of seconds to load.
  context.setDefaultNavigationTimeout(120_000);
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err));
  // Errors thrown inside our webview are the first thing to read when a designer test fails.
  const webviewErrors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /vscode-cdn|webview/.test(msg.location()?.url ?? '')) {
      webviewErrors.push(msg.text());
    }
  });
  return { browser, context, page, pageErrors, webviewErrors };
}

/**
 * Launch a browser for one test, screenshot on failure, always close. `fn` gets { page, pageErrors, webviewErrors }.
 * `t` is node:test's TestContext (its name names the failure screenshot).
 */
export async function withBrowser(t, fn) {
  const session = await launch();
  try {
    return await fn(session);
  } catch (err) {
    await screenshot(session.page, `FAILED-${slug(t?.name ?? 'test')}`).catch(() => {});
    for (const e of session.webviewErrors) t?.diagnostic?.(`webview console error: ${e}`);
    throw err;
  } finally {
    await session.browser.close();
  }
}

function slug(s) {
  return s.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 80);
}

/** `base` is the server's origin: BASE (scripts/e2e.sh's server) unless a test runs a server of its own. */
export function workbenchUrl(folder, payload, base = BASE) {
  let u = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return u;
}

/** Open the workbench on `folder` and wait until the explorer lists `fileName` (remote FS and extension host up). */
export async function openWorkbench(page, folder, fileName, { base = BASE } = {}) {
  // The workbench appears well after DOMContentLoaded; waiting for `load` too would only add time.
  await page.goto(workbenchUrl(folder, undefined, base), { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
  if (fileName) {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first()
      .waitFor({ timeout: 90_000 });
  }
  await waitForContributions(page);
}

const CONTRIBUTED_COMMAND = 'Power Platform VNet: New Design';

/**
 * Opens the command palette on `title` until it lists that command, then presses `key` (Enter runs it,
 * Escape only closes the palette). Contributions register a little after the explorer appears, so retry.
 */
async function untilPaletteLists(page, title, key, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const input = page.locator('.quick-input-widget input');
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('>' + title);
    try {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 5_000 });
      await page.keyboard.press(key);
      return;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`command "${title}" never appeared in the command palette`, { cause: e });
    }
  }
}

/**
 * Waits until the workbench has registered the extension's contributions. The explorer lists files several
 * seconds before the extension host is up; a *.ppvnet.json opened in between gets the text editor, because
 * the custom editor association arrives with the other contributions (the palette's commands among them).
 */
export async function waitForContributions(page, timeoutMs = 120_000) {
  await untilPaletteLists(page, CONTRIBUTED_COMMAND, 'Escape', timeoutMs);
  await page.locator('.quick-input-widget input').waitFor({ state: 'hidden', timeout: 15_000 });
}

/** Run a command by its palette title. */
export async function runCommand(page, title, timeoutMs = 60_000) {
  await untilPaletteLists(page, title, 'Enter', timeoutMs);
}

/** Ctrl+P, type the file name, Enter: opens the file with its default editor (ours, for *.ppvnet.json). */
export async function quickOpen(page, fileName, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  const input = page.locator('.quick-input-widget input');
  for (;;) {
    await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(fileName);
    try {
      // Each retry restarts the file search (ripgrep on the server), so give one attempt long enough to finish
      // on a loaded machine; retrying only helps when the first search ran before the folder was ready.
      await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      return;
    } catch {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`quick open never listed "${fileName}"`);
    }
  }
}

/** The editor tab whose label contains `label` (e.g. 'seed.ppvnet.json'); carries the `dirty` class when modified. */
export function editorTab(page, label) {
  return page.locator('.tabs-container .tab', { hasText: label }).first();
}

/**
 * Locator inside the newest webview: outer iframe.webview (VS Code's host page) -> inner iframe#active-frame
 * (the extension's HTML). Pass `index` to pick an older one.
 */
export function webview(page, selector, index = -1) {
  return page.frameLocator(`iframe.webview.ready >> nth=${index}`).frameLocator('#active-frame').locator(selector);
}

/** Screenshot the whole workbench to test-results/<name>.png and return the path. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Run the mocha suites of test/exthost inside VS Code's real extension host (what @vscode/test-electron does),
 * via the workbench URL payload; code-server must run with --vscode-option enable-smoke-test-driver.
 * Resolves with the extension host's exit code and everything the workbench and extension host logged
 * (printf-style arguments already formatted).
 */
export async function runExtHostTests(page, { folder, extensionPath = ROOT, testsPath, timeoutMs = 600_000 }) {
  const log = [];
  let onExit;
  const exit = new Promise((r) => { onExit = r; });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // args arrive printf-style ('%s', …) from the extension host's console.
    log.push(format(...(Array.isArray(args) ? args : [args])));
  });
  await page.exposeFunction('codeAutomationExit', (code) => onExit(code));
  await page.goto(workbenchUrl(folder, [
    ['extensionDevelopmentPath', `vscode-remote://${AUTH}${extensionPath}`],
    ['extensionTestsPath', `vscode-remote://${AUTH}${testsPath}`],
  ]));
  let timer;
  // Without the smoke-test-driver flag the payload is silently ignored and exit never comes: always bound the wait.
  const timeout = new Promise((_, rej) => {
    timer = setTimeout(() => rej(new Error(`extension-host tests did not finish in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const code = await Promise.race([exit, timeout]);
    return { code, log };
  } finally {
    clearTimeout(timer);
  }
}
