// e2e: Bicep and Terraform files with known problems show ppvnet findings in the real Problems panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freshWorkspace, openWorkbench, runCommand, screenshot, withBrowser } from './lib.mjs';

const TERRAFORM = ['PPV-001', 'PPV-003', 'PPV-006', 'PPV-008', 'PPV-011', 'PPV-014', 'PPV-015', 'PPV-016', 'AZ-08'];
const BICEP = ['PPV-003', 'PPV-004', 'PPV-008'];

/**
 * Ctrl+P with a folder-qualified path: the list shows the base name with the folder as description, so
 * wait for the base name and take the best match (the path filter puts the right file first).
 */
async function openPath(page, relPath, timeoutMs = 60_000) {
  const base = relPath.split('/').pop();
  const input = page.locator('.quick-input-widget input');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(relPath);
    try {
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first();
      await row.waitFor({ timeout: 3_000 });
      if (!(await row.innerText()).includes(relPath.split('/')[0])) throw new Error('not yet');
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: base }).first().waitFor({ timeout: 15_000 });
      return;
    } catch {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`quick open never offered ${relPath}`);
    }
  }
}

/**
 * Rule ids shown in the Problems panel rows (the code column renders as "PPV-003" links). The list is
 * virtualised, so scroll through it with the mouse wheel and collect the ids of every rendered row.
 */
async function problemIds(page) {
  const ids = new Set();
  // Before the first problem arrives the list is hidden behind "No problems have been detected".
  if ((await page.locator('.markers-panel .monaco-list-row').count()) === 0) return [];
  await page.locator('.markers-panel').first().hover();
  for (let i = 0; i < 12; i++) {
    for (const r of await page.locator('.markers-panel .monaco-list-row').allInnerTexts()) for (const id of r.match(/\b(?:PPV|AZ)-\d+\b/g) ?? []) ids.add(id);
    await page.mouse.wheel(0, 250);
    await page.waitForTimeout(100);
  }
  await page.mouse.wheel(0, -5_000);
  return [...ids].sort();
}

async function waitForIds(page, expected, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let seen = [];
  for (;;) {
    seen = await problemIds(page);
    if (expected.every((id) => seen.includes(id))) return seen;
    if (Date.now() > deadline) assert.fail(`Problems panel shows ${seen.join(', ') || 'nothing'}; expected ${expected.join(', ')}`);
    await page.waitForTimeout(500);
  }
}

test('IaC findings from Terraform and Bicep appear in the Problems panel', async (t) => {
  const folder = await freshWorkspace('iac');
  // The fixture's folders are separate samples that reuse address ranges, so the workspace checks (their own
  // exthost test) would list every overlap of every folder here; this test is about one file's findings.
  await writeFile(join(folder, 'ppvnet.config.json'), JSON.stringify({ rules: { 'PPV-WORKSPACE': 'off' } }, null, 2) + '\n');
  await withBrowser(t, async ({ page }) => {
    await openWorkbench(page, folder, 'terraform-problems');
    await openPath(page, 'terraform-problems/main.tf');
    await runCommand(page, 'Focus on Problems View');
    await page.locator('.markers-panel').waitFor({ timeout: 30_000 });
    const tf = await waitForIds(page, TERRAFORM);
    t.diagnostic(`after main.tf: ${tf.join(', ')}`);
    await screenshot(page, 'iac-problems-terraform');

    // Closing the Terraform file clears its problems (no .tf file of that folder is open any more), so the
    // panel then lists the Bicep file's alone.
    await page.keyboard.press('Control+W');
    await openPath(page, 'bicep-problems/main.bicep');
    const bicep = await waitForIds(page, BICEP);
    t.diagnostic(`after main.bicep: ${bicep.join(', ')}`);
    assert.ok(!bicep.includes('PPV-014'), 'the closed Terraform folder still has problems listed');
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    assert.ok(rows.some((r) => /main\.bicep/.test(r)), 'no file row for main.bicep');
    assert.ok(rows.some((r) => /wraps virtualNetworks in \{ value/.test(r)), 'the PPV-003 message is not shown');
    const shot = await screenshot(page, 'iac-problems-bicep');
    t.diagnostic(`screenshot: ${shot}`);
  });
});
