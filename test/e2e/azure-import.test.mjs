// e2e: "Import from Azure" and "Compare with Azure" in the real workbench against the loopback ARM server that scripts/e2e.sh starts
// (test/support/arm-server-env.sh exports the test-only PPVNET_TEST_ARM_* to code-server): pick the
// subscription and groups, save, and the imported design opens in the designer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { editorTab, freshWorkspace, openWorkbench, quickOpen, runCommand, screenshot, webview, withBrowser } from './lib.mjs';

const SUBSCRIPTION = 'Contoso Power Platform (test)';

test('Import from Azure reads the loopback subscription and opens the design in the designer', async (t) => {
  assert.ok(process.env.PPVNET_TEST_ARM_ENDPOINT, 'scripts/e2e.sh must source test/support/arm-server-env.sh before starting code-server');
  const folder = await freshWorkspace('e2e-workspace');
  await withBrowser(t, async ({ page }) => {
    await openWorkbench(page, folder, 'seed.ppvnet.json');
    await runCommand(page, 'Power Platform VNet: Import from Azure');

    // Subscriptions: two in the fixture, pick the one with the deployment.
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: SUBSCRIPTION }).first().waitFor({ timeout: 60_000 });
    await rows.filter({ hasText: SUBSCRIPTION }).first().click();
    await screenshot(page, 'azure-import-subscriptions');
    await page.keyboard.press('Enter');

    // Resource groups: all ticked, including the one the caller may not read.
    await rows.filter({ hasText: 'rg-casemgmt-network' }).first().waitFor({ timeout: 60_000 });
    assert.ok(await rows.filter({ hasText: 'rg-legacy-restricted' }).count() > 0, 'the restricted group is offered');
    await screenshot(page, 'azure-import-groups');
    await page.keyboard.press('Enter');

    // Save dialog (the workbench's simple dialog in code-server): accept the proposed path in the workspace.
    const input = page.locator('.quick-input-widget input');
    await page.waitForFunction(() => {
      const i = document.querySelector('.quick-input-widget input');
      return i instanceof HTMLInputElement && i.value.endsWith('.ppvnet.json');
    }, undefined, { timeout: 60_000 });
    const proposed = await input.inputValue();
    assert.equal(dirname(proposed), folder, 'the save dialog proposes a file in the workspace');
    const fileName = basename(proposed);
    await page.keyboard.press('Enter');

    // The design opens in the designer; the restricted group is named in a warning.
    await editorTab(page, fileName).waitFor({ timeout: 60_000 });
    await webview(page, '[data-testid="canvas"]').waitFor({ timeout: 60_000 });
    await webview(page, '.react-flow__node').first().waitFor({ timeout: 60_000 });
    const design = JSON.parse(await readFile(join(folder, fileName), 'utf8'));
    assert.equal(design.elements.length, 24); // the loopback subscription's network (the data gateway's subnet included) and monitoring
    assert.ok(!JSON.stringify(design).includes(process.env.PPVNET_TEST_ARM_TOKEN), 'the design must not contain the token');
    const rendered = await webview(page, '.react-flow__node').evaluateAll((ns) => ns.map((n) => n.dataset.id));
    for (const e of design.elements) assert.ok(rendered.includes(e.id), `element ${e.id} is not on the canvas`);
    await page.waitForTimeout(1_000);
    t.diagnostic(`screenshot: ${await screenshot(page, 'azure-import-designer')}`);
    await runCommand(page, 'Notifications: Show Notifications');
    await page.locator('.notifications-center .notification-list-item', { hasText: 'rg-legacy-restricted' }).first()
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'azure-import-warning');
  });
});

test('Compare with Azure shows the drift of an open design in the Problems view', async (t) => {
  assert.ok(process.env.PPVNET_TEST_ARM_ENDPOINT, 'scripts/e2e.sh must source test/support/arm-server-env.sh before starting code-server');
  const folder = await freshWorkspace('e2e-workspace');
  // The seed, placed in the fixture subscription's groups, with a prefix that differs from Azure and one
  // peering direction left out of the design.
  const design = JSON.parse(await readFile(join(folder, 'seed.ppvnet.json'), 'utf8'));
  const sub = '00000000-0000-4000-8000-000000000001';
  for (const e of design.elements) {
    if (e.kind === 'vnet') Object.assign(e, { subscriptionId: sub, resourceGroup: 'rg-casemgmt-network' });
    if (e.kind === 'enterprisePolicy') Object.assign(e, { subscriptionId: sub, resourceGroup: 'rg-casemgmt-policy' });
    if (e.id === 'snet-pe-weu') e.addressPrefix = '10.10.7.0/24';
  }
  design.relations = design.relations.filter((r) => r.id !== 'peer-neu-weu');
  await writeFile(join(folder, 'drift.ppvnet.json'), JSON.stringify(design, null, 2));
  await withBrowser(t, async ({ page }) => {
    await openWorkbench(page, folder, 'drift.ppvnet.json');
    await quickOpen(page, 'drift.ppvnet.json');
    await webview(page, '.react-flow__node').first().waitFor({ timeout: 60_000 });
    await runCommand(page, 'Power Platform VNet: Compare with Azure');
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'addressPrefix is "10.10.2.0/24" in Azure, the design says "10.10.7.0/24"' }).first().waitFor({ timeout: 90_000 });
    // The list is virtualised: filter it to the drift so every drift row is rendered.
    await page.locator('.viewpane-filter input, .markers-panel-action-filter input').first().fill('Azure drift');
    await rows.filter({ hasText: 'peering vnet-pp-neu → vnet-pp-weu is deployed but not in the design' }).first().waitFor({ timeout: 30_000 });
    t.diagnostic(`screenshot: ${await screenshot(page, 'azure-compare-problems')}`);
  });
});
