// e2e: the hybrid-dns fixture in the designer: the DNS private resolver is drawn inside the hub VNet, the
// ruleset's inspector shows its forwarding rules as a table whose target cell refuses a host name, and the
// Connectivity panel finds both delegated VNets' private endpoint flows reachable through the resolver.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshWorkspace, openWorkbench, quickOpen, screenshot, webview, withBrowser } from './lib.mjs';

const FILE = 'hybrid-dns.ppvnet.json';

test('DNS private resolver: drawn in its VNet, forwarding rules edited as a table, flows answered by the resolver', async (t) => {
  await withBrowser(t, async ({ page }) => {
    const folder = await freshWorkspace('designs');
    await openWorkbench(page, folder, FILE);
    await quickOpen(page, FILE);
    await webview(page, '.react-flow__node[data-id="dnspr-hub"]').waitFor({ timeout: 60_000 });
    assert.match(await webview(page, '.react-flow__node[data-id="dnspr-hub"]').textContent(), /dnspr-hub-weu/);

    await webview(page, '.react-flow__node[data-id="dnsfrs-hub"]').click();
    const table = webview(page, '[data-testid="forwarding-rules"]');
    await table.waitFor({ timeout: 15_000 });
    assert.equal(await webview(page, '[data-testid="forwarding-rules-0-domainName"]').inputValue(), 'corp.contoso.com.');
    const targets = webview(page, '[data-testid="forwarding-rules-0-targets"]');
    assert.equal(await targets.inputValue(), '192.168.1.4:53, 192.168.1.5:53');
    await targets.fill('dns.contoso.com');
    await webview(page, '[data-testid="forwarding-rules-0-targets-error"]').waitFor({ timeout: 15_000 });
    assert.match(await webview(page, '[data-testid="forwarding-rules-0-targets-error"]').textContent(), /not an IPv4 address/);
    await targets.press('Escape');

    await webview(page, '[data-testid="connectivity-toggle"]').click();
    const primary = webview(page, '[data-testid="flow-policy-eu->pe-kv-primary"]');
    await primary.waitFor({ timeout: 15_000 });
    assert.match(await primary.textContent(), /reachable/);
    assert.match(await webview(page, '[data-testid="flow-policy-eu->pe-kv-failover"]').textContent(), /reachable/);
    await page.waitForTimeout(500);
    t.diagnostic(`screenshot: ${await screenshot(page, 'dns-resolver')}`);
  });
});
