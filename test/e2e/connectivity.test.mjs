// e2e: the Connectivity panel on custom-dns-hub: the failover DNS flow is blocked; choosing it highlights its
// path on the canvas, badges the deciding VNet with the route's reason, and Go to selects that VNet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshWorkspace, openWorkbench, quickOpen, screenshot, webview, withBrowser } from './lib.mjs';

const FILE = 'custom-dns-hub.ppvnet.json';

test('connectivity panel: choosing the blocked failover DNS flow highlights its path and its deciding route', async (t) => {
  await withBrowser(t, async ({ page }) => {
    const folder = await freshWorkspace('designs');
    await openWorkbench(page, folder, FILE);
    await quickOpen(page, FILE);
    await webview(page, '.react-flow__node').first().waitFor({ timeout: 60_000 });

    await webview(page, '[data-testid="connectivity-toggle"]').click();
    const failover = webview(page, '[data-testid="flow-policy-eu->dns:10.0.2.4-failover"]');
    await failover.waitFor({ timeout: 15_000 });
    assert.match(await failover.textContent(), /blocked/);
    assert.match(await webview(page, '[data-testid="flow-policy-eu->dns:10.0.2.4-primary"]').textContent(), /reachable/);

    // Keyboard: the verdict is a button, chosen with Enter.
    await failover.focus();
    await failover.press('Enter');
    await webview(page, '.react-flow__node.path-deciding[data-id="vnet-neu"]').waitFor({ timeout: 15_000 });
    assert.ok(await webview(page, '.react-flow__node.path-on[data-id="snet-pp-neu"]').count() === 1, 'the source subnet is not highlighted');
    assert.ok(await webview(page, '.react-flow__node.path-off').count() > 0, 'nothing off the path is dimmed');
    const reason = await webview(page, '[data-testid="path-mark"]').getAttribute('title');
    assert.match(reason, /drops the traffic/);
    assert.match(await webview(page, '[data-testid="flow-reason"]').textContent(), /drops the traffic/);

    await webview(page, '[data-testid="flow-go-to"]').click();
    await webview(page, '.react-flow__node.selected[data-id="vnet-neu"]').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    t.diagnostic(`screenshot: ${await screenshot(page, 'connectivity')}`);
  });
});
