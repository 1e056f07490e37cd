// e2e: the designer's Address map panel draws the address pools of the workspace's ppvnet.config.json (the seed's
// VNets and subnets, a reserved and an on-premises range, the free blocks), and redraws when the file changes on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, freshWorkspace, openWorkbench, quickOpen, screenshot, webview, withBrowser } from './lib.mjs';

const FILE = 'seed.ppvnet.json';
const config = (plan) => `${JSON.stringify(plan, null, 2)}\n`;

test('address map: the configured pool with the design\'s ranges and the free space, redrawn when ppvnet.config.json changes', async (t) => {
  await withBrowser(t, async ({ page }) => {
    const folder = await freshWorkspace('e2e-workspace');
    // The seed's VNets are 10.10.0.0/16 and 10.20.0.0/16.
    await writeFile(join(folder, 'ppvnet.config.json'), config({
      addressPools: [{ name: 'corp', ranges: ['10.0.0.0/11'] }],
      reservedRanges: ['10.0.0.0/16'],
      onPremisesRanges: ['10.30.0.0/16'],
    }));
    await openWorkbench(page, folder, FILE);
    await quickOpen(page, FILE);
    await webview(page, '.react-flow__node').first().waitFor({ timeout: 60_000 });

    await webview(page, '[data-testid="address-map-toggle"]').click();
    const caption = webview(page, '[data-testid="address-map-caption"]');
    await caption.filter({ hasText: 'Pools of ppvnet.config.json' }).waitFor({ timeout: 30_000 });
    const map = webview(page, '.address-map-picture');
    const texts = () => map.locator('text').allTextContents();
    assert.ok((await texts()).some((w) => w.startsWith('pool corp: 10.0.0.0/11 · ')), 'the pool bar has no title');
    for (const kind of ['vnet', 'subnet', 'reserved', 'onPremises', 'free']) {
      assert.ok(await map.locator(`rect[data-kind="${kind}"]`).count() > 0, `no ${kind} block on the map`);
    }
    await page.waitForTimeout(500);
    t.diagnostic(`screenshot: ${await screenshot(page, 'address-map-pool')}`);
    await mkdir(ARTIFACTS, { recursive: true });
    const panelShot = join(ARTIFACTS, 'address-map-pool-panel.png');
    await webview(page, '[data-testid="address-map"]').screenshot({ path: panelShot });
    t.diagnostic(`screenshot: ${panelShot}`);
    // The bar is wider than the panel: the on-premises range near the pool's end is reached by scrolling.
    await webview(page, '[data-testid="address-map"]').evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    const endShot = join(ARTIFACTS, 'address-map-pool-panel-end.png');
    await webview(page, '[data-testid="address-map"]').screenshot({ path: endShot });
    t.diagnostic(`screenshot: ${endShot}`);
    await webview(page, '[data-testid="address-map"]').evaluate((el) => { el.scrollLeft = 0; });

    // Changed on disk: the host's watcher re-reads the file and posts the new plan.
    await writeFile(join(folder, 'ppvnet.config.json'), config({ addressPools: [{ name: 'west', ranges: ['10.10.0.0/15'] }] }));
    await map.locator('text', { hasText: 'pool west: 10.10.0.0/15' }).waitFor({ timeout: 30_000 });
    assert.equal(await map.locator('rect[data-kind="reserved"]').count(), 0, 'the removed reserved range is still drawn');
    assert.ok((await texts()).includes('1 VNet range lies outside every pool and is not drawn.'), 'the VNet outside the pool is not counted');

    // A broken file is named with its problem, not shown as unconfigured.
    await writeFile(join(folder, 'ppvnet.config.json'), '{ "addressPools": [');
    await caption.filter({ hasText: 'No address pools read: ppvnet.config.json has 1 problem' }).waitFor({ timeout: 30_000 });

    await rm(join(folder, 'ppvnet.config.json'));
    await caption.filter({ hasText: 'No address pools configured: add "addressPools"' }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3000); // the Explorer's problem decorations of the broken file take a moment to clear
    t.diagnostic(`screenshot: ${await screenshot(page, 'address-map-no-pools')}`);
  });
});
