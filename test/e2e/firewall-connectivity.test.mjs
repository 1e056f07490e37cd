// e2e: the Connectivity panel on the hub-and-spoke firewall sample: the Fabrikam API is blocked on both sides
// by the hub firewall; choosing the primary flow shows its path (subnet, NSG, forced-tunnel route, firewall)
// and the blocking rule, and Go to selects the firewall and focuses that rule's row in the inspector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, freshWorkspace, openWorkbench, quickOpen, screenshot, webview, withBrowser } from './lib.mjs';

const FILE = 'hub-firewall.ppvnet.json';

test('connectivity panel: the firewall sample shows the blocked flow and the blocking firewall rule', async (t) => {
  await withBrowser(t, async ({ page }) => {
    const folder = await freshWorkspace('designs');
    await copyFile(join(ROOT, 'samples', FILE), join(folder, FILE));
    await openWorkbench(page, folder, FILE);
    await quickOpen(page, FILE);
    await webview(page, '.react-flow__node').first().waitFor({ timeout: 60_000 });

    await webview(page, '[data-testid="connectivity-toggle"]').click();
    const primary = webview(page, '[data-testid="flow-policy-prod->internet:api.fabrikam.com-primary"]');
    await primary.waitFor({ timeout: 15_000 });
    assert.match(await primary.textContent(), /blocked/);
    assert.match(await webview(page, '[data-testid="flow-policy-prod->internet:api.fabrikam.com-failover"]').textContent(), /blocked/);
    assert.match(await webview(page, '[data-testid="flow-policy-prod->pe-kv-primary"]').textContent(), /reachable/);

    await primary.click();
    await webview(page, '.react-flow__node.path-deciding[data-id="afw-weu"]').waitFor({ timeout: 15_000 });
    assert.equal(await webview(page, '.react-flow__node.path-on[data-id="snet-pp-weu"]').count(), 1, 'the source subnet is not on the path');
    assert.equal(await webview(page, '.react-flow__node.path-on[data-id="rt-pp-weu"]').count(), 1, 'the forced-tunnel route table is not on the path');
    assert.match(await webview(page, '[data-testid="flow-reason"]').textContent(), /denies TCP 443 to api\.fabrikam\.com by application rule 'rcg-powerplatform\/app-deny-untrusted\/deny-fabrikam'/);
    const hops = await webview(page, '.flow-hops li').allTextContents();
    assert.equal(hops.length, 4, `hops: ${hops.join(' | ')}`);
    assert.match(hops[2], /default-to-firewall.*0\.0\.0\.0\/0 → VirtualAppliance 10\.200\.1\.4/);
    assert.match(await webview(page, '.flow-hops li.deciding').textContent(), /Azure Firewall .*afw-hub-weu.* denies/);
    await page.waitForTimeout(400);
    t.diagnostic(`screenshot: ${await screenshot(page, 'firewall-connectivity-path')}`);

    await webview(page, '[data-testid="flow-go-to"]').click();
    await webview(page, '.react-flow__node.selected[data-id="afw-weu"]').waitFor({ timeout: 15_000 });
    const row = webview(page, '[data-testid="firewall-rules"] tr.focused-row');
    await row.waitFor({ timeout: 15_000 });
    assert.equal(await row.getAttribute('data-row'), '1');
    const name = webview(page, '[data-testid="firewall-rules-1-name"]');
    assert.equal(await name.inputValue(), 'deny-fabrikam');
    assert.equal(await name.evaluate((el) => el === document.activeElement), true, 'the rule name cell is not focused');
    // Focusing the row scrolls only the inspector: the designer's grid (palette on the left) stays in place.
    const palette = await webview(page, '[data-testid="palette-firewall"]').boundingBox();
    assert.ok(palette && palette.x >= 0, `the designer scrolled sideways: palette at ${JSON.stringify(palette)}`);
    await page.waitForTimeout(500);
    t.diagnostic(`screenshot: ${await screenshot(page, 'firewall-connectivity-goto')}`);
  });
});
