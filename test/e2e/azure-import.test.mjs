// e2e: "Import from Azure" in the real workbench against the loopback ARM server that scripts/e2e.sh starts
// (test/support/arm-server-env.sh exports the test-only PPVNET_TEST_ARM_* to code-server): pick the
// subscription and groups, save, and the imported design opens in the designer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { editorTab, freshWorkspace, openWorkbench, runCommand, screenshot, webview, withBrowser } from './lib.mjs';

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
    assert.equal(design.elements.length, 16);
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
