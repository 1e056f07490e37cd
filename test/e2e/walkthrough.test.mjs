// e2e: the getting-started walkthrough in the real VS Code: open it, open the reference architecture from its
// step, fix the planted problem with its quick fix (the step ticks itself), export, and see the Terraform
// sample's planted problem in the Problems panel. Its JPEG screenshots are the walkthrough's own images.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, editorTab, freshWorkspace, openWorkbench, runCommand, screenshot, webview, withBrowser, workbenchUrl } from './lib.mjs';

const TITLE = 'Get started with Power Platform VNet Designer';

async function waitFor(check, message, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail(message);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A small JPEG of the workbench, the size the walkthrough shows (media/walkthrough/ holds copies of these). */
async function walkthroughImage(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `walkthrough-${name}.jpg`);
  await page.screenshot({ path, type: 'jpeg', quality: 72 });
  return path;
}

async function openWalkthrough(page) {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  const input = page.locator('.quick-input-widget input');
  await input.fill(TITLE);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: TITLE }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.gettingStartedContainer', { hasText: TITLE }).first().waitFor({ timeout: 30_000 });
}

/** The walkthrough's step button (the list of steps on the left of its page). */
function step(page, title) {
  return page.locator('.gettingStartedContainer button.getting-started-step', { hasText: title }).first();
}

test('walkthrough: open the reference architecture, fix its problem, export, see Terraform problems', async (t) => {
  await withBrowser(t, async ({ page }) => {
    const folder = await freshWorkspace('e2e-workspace');
    await openWorkbench(page, folder, 'seed.ppvnet.json');
    await openWalkthrough(page);
    for (const s of ['Open the reference architecture', 'Fix the planted problem', 'Export to Bicep or Terraform', 'See the rules on Terraform']) {
      assert.ok(await step(page, s).count(), `the walkthrough has no step "${s}"`);
    }
    t.diagnostic(`screenshot: ${await screenshot(page, 'walkthrough-page')}`);

    // Step 1: its link runs ppvnet.tour.openReference, which writes ppvnet-tour/ and opens the designer.
    await step(page, 'Open the reference architecture').click();
    await page.locator('.gettingStartedContainer a', { hasText: 'Open the reference architecture' }).first().click();
    const design = join(folder, 'ppvnet-tour', 'reference.ppvnet.json');
    await waitFor(() => existsSync(design), 'the walkthrough did not write ppvnet-tour/reference.ppvnet.json');
    await webview(page, '.react-flow__node').first().waitFor({ timeout: 90_000 });
    const problem = webview(page, '[data-testid="problem-PPV-008-snet-pp-neu"]');
    await problem.waitFor({ timeout: 60_000 });
    t.diagnostic(`image: ${await walkthroughImage(page, 'problem')}`);

    // Step 2: the quick fix delegates the subnet; the step completes on the context key.
    await problem.locator('.quick-fix').first().click();
    await problem.waitFor({ state: 'detached', timeout: 30_000 });
    await page.keyboard.press('Control+S');
    await waitFor(async () => (await readFile(design, 'utf8')).includes('"snet-pp-neu"') &&
      JSON.parse(await readFile(design, 'utf8')).elements.find((e) => e.id === 'snet-pp-neu').delegations.length === 1,
    'the fix was not saved into the design');
    t.diagnostic(`image: ${await walkthroughImage(page, 'reference')}`);

    // Step 3: export the fixed design to Terraform with the designer in front.
    await runCommand(page, 'Power Platform VNet: Export to Terraform');
    const mainTf = join(folder, 'infra', 'reference', 'terraform', 'main.tf');
    await waitFor(() => existsSync(mainTf), 'Export to Terraform wrote no main.tf', 90_000);
    await editorTab(page, 'main.tf').waitFor({ timeout: 30_000 });
    t.diagnostic(`image: ${await walkthroughImage(page, 'export')}`);

    // Step 4: the Terraform sample with its planted problem.
    await runCommand(page, 'Power Platform VNet: Walkthrough: Open a Terraform Sample');
    await waitFor(() => existsSync(join(folder, 'ppvnet-tour', 'terraform', 'main.tf')), 'no Terraform sample was written');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'PPV-011' }).first().waitFor({ timeout: 90_000 });
    t.diagnostic(`image: ${await walkthroughImage(page, 'terraform')}`);

    // Back on the walkthrough: the steps done through commands and the fix are ticked.
    await openWalkthrough(page);
    for (const s of ['Open the reference architecture', 'Fix the planted problem', 'Export to Bicep or Terraform', 'See the rules on Terraform']) {
      await waitFor(async () => (await step(page, s).getAttribute('aria-checked')) === 'true', `step "${s}" is not ticked`, 30_000);
    }
    t.diagnostic(`screenshot: ${await screenshot(page, 'walkthrough-done')}`);
  });
});

test('walkthrough: opens by itself on the first activation where the setting allows it', async (t) => {
  await withBrowser(t, async ({ page }) => {
    const folder = await freshWorkspace('e2e-workspace');
    // The suite's profile turns the first-run page off (it covers the editors other tests open); this folder
    // turns it back on. A fresh browser is a first activation: code-server keeps globalState in the browser.
    await mkdir(join(folder, '.vscode'), { recursive: true });
    await writeFile(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'ppvnet.walkthrough.openOnFirstActivation': true }));
    await page.goto(workbenchUrl(folder), { waitUntil: 'domcontentloaded' });
    await page.locator('.gettingStartedContainer', { hasText: TITLE }).first().waitFor({ timeout: 120_000 });
    assert.ok(await step(page, 'Open the reference architecture').count(), 'the page that opened is not our walkthrough');
    t.diagnostic(`screenshot: ${await screenshot(page, 'walkthrough-first-activation')}`);
  });
});
