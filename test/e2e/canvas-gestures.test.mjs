// e2e: the designer's gestures in a real VS Code, one test per area: copy/paste/duplicate, the NSG rule
// and route editors with the keyboard, VNet resize, box and multi-selection, theme and accessibility.
// Each starts from a small design written into a fresh workspace and checks the saved file and the canvas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freshWorkspace, openWorkbench, runCommand, screenshot, webview, withBrowser } from './lib.mjs';
import { assertDirty, center, edgeCount, nodeIds, openFromExplorer, waitFor } from './canvas-helpers.mjs';

const FILE = 'gestures.ppvnet.json';
const DELEGATION = 'Microsoft.PowerPlatform/enterprisePolicies';
const HTTPS_IN = { name: 'AllowHttpsIn', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: 'VirtualNetwork', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '443' };

/** Environment → policy → delegated subnet of a VNet with two subnets; an NSG on the second subnet; a route table. */
function fixture() {
  return {
    version: 1,
    name: 'Gestures',
    elements: [
      { id: 'env-1', kind: 'environment', name: 'Env One', geography: 'europe', managed: true, position: { x: 0, y: 0 } },
      { id: 'policy-1', kind: 'enterprisePolicy', name: 'policy-one', geography: 'europe', position: { x: 0, y: 170 } },
      { id: 'vnet-a', kind: 'vnet', name: 'vnet-a', region: 'westeurope', addressSpaces: ['10.1.0.0/16'], size: { width: 320, height: 260 }, position: { x: 300, y: 0 } },
      { id: 'snet-a1', kind: 'subnet', name: 'snet-a1', addressPrefix: '10.1.1.0/24', delegations: [DELEGATION], parent: 'vnet-a', position: { x: 20, y: 60 } },
      { id: 'snet-a2', kind: 'subnet', name: 'snet-a2', addressPrefix: '10.1.2.0/24', parent: 'vnet-a', position: { x: 20, y: 160 } },
      { id: 'nsg-1', kind: 'nsg', name: 'nsg-one', region: 'westeurope', rules: [HTTPS_IN], position: { x: 680, y: 0 } },
      { id: 'rt-1', kind: 'routeTable', name: 'rt-one', region: 'westeurope', routes: [], position: { x: 680, y: 150 } },
    ],
    relations: [
      { id: 'link-1', kind: 'policyLink', from: 'env-1', to: 'policy-1' },
      { id: 'inject-1', kind: 'policySubnet', from: 'policy-1', to: 'snet-a1' },
      { id: 'nsga-1', kind: 'nsgAssociation', from: 'nsg-1', to: 'snet-a2' },
    ],
  };
}

/**
 * Writes the fixture into a fresh workspace (autosave off: the test saves with Ctrl+S), opens it in the
 * designer with the side bar closed and the view fitted, and returns what the other helpers need.
 */
async function openDesign(page) {
  const folder = await freshWorkspace('e2e-workspace');
  await writeFile(join(folder, FILE), JSON.stringify(fixture(), null, 2) + '\n');
  await mkdir(join(folder, '.vscode'), { recursive: true });
  await writeFile(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'files.autoSave': 'off' }) + '\n');
  await openWorkbench(page, folder, FILE);
  await openFromExplorer(page, FILE);
  await webview(page, '.react-flow__node[data-id="rt-1"]').waitFor({ timeout: 60_000 });
  // More room for the canvas: the explorer is not needed once the design is open.
  await runCommand(page, 'View: Close Primary Side Bar');
  await waitFor(page, async () => !(await page.locator('.part.sidebar').isVisible()), 'the side bar did not close');
  await webview(page, '[data-testid="fit-view"]').click();
  await viewportSettled(page);
  const ctx = { page, folder, tab: page.locator('.tabs-container .tab', { hasText: FILE }).first() };
  return ctx;
}

/** Zoom and pan of the canvas (the React Flow viewport transform). */
async function viewport(page) {
  const t = await webview(page, '.react-flow__viewport').getAttribute('style');
  const m = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(t ?? '');
  assert.ok(m, `unexpected viewport transform "${t}"`);
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}

/** Waits until an animated fit or pan has stopped: the transform reads the same three times in a row. */
async function viewportSettled(page) {
  const reads = [];
  await waitFor(page, async () => {
    reads.push(JSON.stringify(await viewport(page)));
    return reads.length >= 3 && reads.slice(-3).every((r) => r === reads.at(-1));
  }, 'the canvas viewport kept moving');
}

/** Page coordinates of a point in flow coordinates. */
async function flowToPage(page, p) {
  const box = await webview(page, '.react-flow').boundingBox();
  const v = await viewport(page);
  return { x: box.x + v.x + p.x * v.zoom, y: box.y + v.y + p.y * v.zoom };
}

const node = (page, id) => webview(page, `.react-flow__node[data-id="${id}"]`);

async function selectedIds(page) {
  return (await webview(page, '.react-flow__node.selected').evaluateAll((ns) => ns.map((n) => n.dataset.id))).sort();
}

/** Clicks a node (a VNet on its title row, away from its children) until the canvas shows it selected. */
async function clickNode(page, id, modifiers = []) {
  const n = node(page, id);
  const isVnet = (await n.getAttribute('class'))?.includes('react-flow__node-vnet');
  await n.click({ modifiers, position: isVnet ? { x: 80, y: 14 } : undefined });
}

async function selectOnly(page, id) {
  await waitFor(page, async () => {
    await clickNode(page, id);
    const sel = await selectedIds(page);
    return sel.length === 1 && sel[0] === id;
  }, `clicking ${id} did not select it alone`);
}

/** Presses Ctrl+S until the file on disk satisfies `accept`; returns the saved design. */
async function saved(ctx, accept, message) {
  let design;
  await waitFor(ctx.page, async () => {
    await ctx.page.keyboard.press('Control+s');
    await assertDirty(ctx.page, ctx.tab, false, 'Ctrl+S did not save');
    design = JSON.parse(await readFile(join(ctx.folder, FILE), 'utf8'));
    return accept(design);
  }, message, 20_000);
  return design;
}

const byId = (design, id) => design.elements.find((e) => e.id === id);
const strip = (design) => ({ elements: design.elements, relations: design.relations });

/** Does box `a` (page coordinates) overlap box `b`? */
const intersects = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a, b) => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;

test('gestures: copy, paste and duplicate a VNet with its subnets', async (t) => {
  await withBrowser(t, async ({ page }) => {
    const ctx = await openDesign(page);
    const original = fixture();
    // Ctrl+click: the VNet and the NSG that filters one of its subnets.
    await selectOnly(page, 'vnet-a');
    await clickNode(page, 'nsg-1', ['Control']);
    await waitFor(page, async () => (await selectedIds(page)).join() === 'nsg-1,vnet-a', 'Ctrl+click did not add the NSG to the selection');
    await page.keyboard.press('Control+c');
    await waitFor(page, async () => /Copied 4 element/.test(await webview(page, '[data-testid="status"]').innerText()), 'Ctrl+C did not copy the VNet, its two subnets and the NSG');
    const before = new Set(await nodeIds(page));
    await page.keyboard.press('Control+v');
    const pasted = await waitFor(page, async () => {
      const added = (await nodeIds(page)).filter((id) => !before.has(id));
      return added.length === 4 && added;
    }, 'Ctrl+V did not add four nodes');
    t.diagnostic(`pasted ${pasted.join(', ')}`);
    await viewportSettled(page);
    await screenshot(page, 'gestures-paste');

    const design = await saved(ctx, (d) => d.elements.length === original.elements.length + 4, 'the paste never reached the saved file');
    const copies = design.elements.filter((e) => !original.elements.some((o) => o.id === e.id));
    const vnetCopy = copies.find((e) => e.kind === 'vnet');
    const nsgCopy = copies.find((e) => e.kind === 'nsg');
    const subnetCopies = copies.filter((e) => e.kind === 'subnet');
    assert.ok(vnetCopy && nsgCopy && subnetCopies.length === 2, `unexpected copies ${JSON.stringify(copies.map((e) => e.id))}`);
    assert.deepEqual(subnetCopies.map((s) => s.parent), [vnetCopy.id, vnetCopy.id], 'the copied subnets are not inside the copied VNet');
    assert.deepEqual(subnetCopies.map((s) => s.position), [{ x: 20, y: 60 }, { x: 20, y: 160 }], 'the subnets moved inside their VNet');
    // The product moves a pasted VNet to a free address block, its subnets with it, so it never overlaps the original.
    assert.deepEqual(vnetCopy.addressSpaces, ['10.2.0.0/16'], 'the pasted VNet did not get the next free /16');
    assert.deepEqual(subnetCopies.map((s) => s.addressPrefix), ['10.2.1.0/24', '10.2.2.0/24'], 'the pasted subnets did not follow their VNet\'s address space');
    assert.deepEqual(subnetCopies.map((s) => s.delegations ?? []), [[DELEGATION], []]);
    assert.deepEqual(nsgCopy.rules, [HTTPS_IN], 'the NSG copy lost its rules');
    // Relations among the copied elements are copied (NSG → second subnet); the policy's injection is not.
    const newRelations = design.relations.filter((r) => !original.relations.some((o) => o.id === r.id));
    assert.deepEqual(newRelations.map((r) => `${r.kind}:${r.from}->${r.to}`), [`nsgAssociation:${nsgCopy.id}->${subnetCopies[1].id}`]);
    assert.deepEqual(design.relations.slice(0, 3), original.relations, 'the original relations changed');
    const fresh = new Set([...original.elements, ...original.relations].map((x) => x.id));
    for (const c of [...copies, ...newRelations]) assert.ok(!fresh.has(c.id), `${c.id} reuses an id`);

    // The copy is selected (its top-level elements), visible, and not on top of the original.
    assert.deepEqual(await selectedIds(page), [nsgCopy.id, vnetCopy.id].sort(), 'the pasted copy is not the selection');
    const pane = await webview(page, '[data-testid="canvas"]').boundingBox();
    const copyBox = await node(page, vnetCopy.id).boundingBox();
    const origBox = await node(page, 'vnet-a').boundingBox();
    assert.ok(inside(copyBox, pane), `the pasted VNet ${JSON.stringify(copyBox)} is not inside the visible canvas ${JSON.stringify(pane)}`);
    assert.ok(!intersects(copyBox, origBox), 'the pasted VNet lies on top of the original');
    assert.ok(!intersects(await node(page, nsgCopy.id).boundingBox(), await node(page, 'nsg-1').boundingBox()), 'the pasted NSG lies on top of the original');
    // No address-space finding about the copy: it is a network of its own.
    const findings = await webview(page, '[data-testid^="problem-"]').evaluateAll((ns) => ns.map((n) => n.dataset.testid));
    t.diagnostic(`problems after paste: ${findings.join(', ')}`);
    assert.ok(!findings.some((f) => /AZ-0[346]|PPV-032/.test(f)), `the paste caused an address finding: ${findings.join(', ')}`);

    // One Ctrl+Z removes the whole paste.
    await page.keyboard.press('Control+z');
    await waitFor(page, async () => (await nodeIds(page)).length === before.size, 'one Ctrl+Z did not remove all four pasted nodes');
    assert.equal(await edgeCount(page), 3);
    const undone = await saved(ctx, (d) => d.elements.length === original.elements.length, 'the undone paste never reached the saved file');
    assert.deepEqual(strip(undone), strip(original), 'undoing the paste did not restore the design exactly');

    // Ctrl+D duplicates the VNet alone: subnets come along, relations to elements outside do not.
    await selectOnly(page, 'vnet-a');
    const known = new Set(await nodeIds(page));
    await page.keyboard.press('Control+d');
    const dup = await waitFor(page, async () => {
      const added = (await nodeIds(page)).filter((id) => !known.has(id));
      return added.length === 3 && added;
    }, 'Ctrl+D did not add the VNet and its two subnets');
    await viewportSettled(page);
    await screenshot(page, 'gestures-duplicate');
    const d2 = await saved(ctx, (d) => d.elements.length === original.elements.length + 3, 'the duplicate never reached the saved file');
    const vnetDup = d2.elements.find((e) => e.kind === 'vnet' && e.id !== 'vnet-a');
    assert.ok(vnetDup && dup.includes(vnetDup.id));
    assert.equal(vnetDup.name, vnetDup.id, 'a VNet named after its id is not named after its copy\'s id');
    assert.deepEqual(d2.elements.filter((e) => e.parent === vnetDup.id).map((e) => e.addressPrefix), ['10.2.1.0/24', '10.2.2.0/24']);
    assert.deepEqual(d2.relations, original.relations, 'duplicating a VNet copied relations to elements outside it');
    assert.deepEqual(await selectedIds(page), [vnetDup.id]);
    assert.ok(!intersects(await node(page, vnetDup.id).boundingBox(), await node(page, 'vnet-a').boundingBox()), 'the duplicate lies on top of the original');
  });
});

/** The rows of a rules table as the inspector shows them (input and select values). */
async function tableRows(page, testId) {
  return webview(page, `[data-testid="${testId}"] tbody tr`).evaluateAll((trs) => trs.map((tr) => {
    const row = {};
    for (const el of tr.querySelectorAll('input, select')) row[el.dataset.testid.replace(/^.*-\d+-/, '')] = el.value;
    return row;
  }));
}

/**
 * Replaces a cell's text with the keyboard (Ctrl+A, type) and leaves it with Tab (which commits a valid value).
 * Typing at once after Ctrl+A also checks that VS Code does not send a late second select-all into the box
 * (it did while the designer let the key through to the workbench: the first typed characters were lost).
 */
async function typeCell(page, testId, text) {
  const cell = webview(page, `[data-testid="${testId}"]`);
  await cell.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  await waitFor(page, async () => (await cell.inputValue()) === text, `${testId} does not show the typed "${text}"`);
  await page.keyboard.press('Tab');
}

test('gestures: NSG rule and route editors with the keyboard, refusals and undo', async (t) => {
  await withBrowser(t, async ({ page }) => {
    const ctx = await openDesign(page);
    await selectOnly(page, 'nsg-1');
    const rules = webview(page, '[data-testid="nsg-rules"]');
    await rules.waitFor();
    const snapshots = [await tableRows(page, 'nsg-rules')];
    const expectRows = async (expected, message) => {
      await waitFor(page, async () => JSON.stringify(await tableRows(page, 'nsg-rules')) === JSON.stringify(expected), message);
      snapshots.push(expected);
    };
    const last = () => snapshots.at(-1);
    const withCell = (key, value) => [last()[0], { ...last()[1], [key]: value }];

    // Add a rule with the keyboard (Enter on the focused Add button).
    await webview(page, '[data-testid="nsg-rules-add"]').focus();
    await page.keyboard.press('Enter');
    await expectRows([last()[0], { name: 'rule-2', priority: '110', direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '443', description: '' }], 'Enter on Add did not add a rule row');

    await typeCell(page, 'nsg-rules-1-name', 'DenySqlOut');
    await expectRows(withCell('name', 'DenySqlOut'), 'the rule name was not committed');

    // Out-of-range priorities are refused with a message that is announced and tied to the field.
    for (const bad of ['99', '5000']) {
      await typeCell(page, 'nsg-rules-1-priority', bad);
      const error = webview(page, '[data-testid="nsg-rules-1-priority-error"]');
      await waitFor(page, async () => /100.+4096/.test((await error.innerText().catch(() => '')) ?? ''), `priority ${bad} was not refused with a visible message`);
      assert.equal(await error.getAttribute('role'), 'alert', 'the refusal is not announced (role=alert)');
      const input = webview(page, '[data-testid="nsg-rules-1-priority"]');
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      assert.equal(await input.getAttribute('aria-describedby'), await error.getAttribute('id'), 'the message is not tied to the field');
    }
    await screenshot(page, 'gestures-rule-refused');
    // Nothing of the refused values reached the document: saving writes the rules as they were.
    const unchanged = await saved(ctx, (d) => byId(d, 'nsg-1').rules[1]?.name === 'DenySqlOut', 'the renamed rule was not saved');
    assert.equal(byId(unchanged, 'nsg-1').rules[1].priority, 110, 'a refused priority was written to the file');

    await typeCell(page, 'nsg-rules-1-priority', '200');
    await waitFor(page, async () => (await webview(page, '[data-testid="nsg-rules-1-priority-error"]').count()) === 0, 'the message stayed after a valid priority');
    await expectRows(withCell('priority', '200'), 'priority 200 was not committed');
    // Enum cells change with the arrow keys: Inbound → Outbound, Allow → Deny, Tcp → Udp.
    for (const [key, value] of [['direction', 'Outbound'], ['access', 'Deny'], ['protocol', 'Udp']]) {
      await webview(page, `[data-testid="nsg-rules-1-${key}"]`).focus();
      await page.keyboard.press('ArrowDown');
      await expectRows(withCell(key, value), `ArrowDown on ${key} did not choose ${value}`);
    }
    await typeCell(page, 'nsg-rules-1-sourceAddressPrefix', 'VirtualNetwork');
    await expectRows(withCell('sourceAddressPrefix', 'VirtualNetwork'), 'the service tag source was not committed');
    await typeCell(page, 'nsg-rules-1-destinationAddressPrefix', '10.20.0.0/33');
    await waitFor(page, async () => /larger than \/32/.test(await webview(page, '[data-testid="nsg-rules-1-destinationAddressPrefix-error"]').innerText().catch(() => '')), 'a malformed prefix was not refused with a message');
    await typeCell(page, 'nsg-rules-1-destinationAddressPrefix', '10.20.0.0/24');
    await expectRows(withCell('destinationAddressPrefix', '10.20.0.0/24'), 'the fixed prefix was not committed');
    await typeCell(page, 'nsg-rules-1-destinationPortRange', '1433-1434');
    await expectRows(withCell('destinationPortRange', '1433-1434'), 'the port range was not committed');
    await screenshot(page, 'gestures-rule-edited');

    const edited = await saved(ctx, (d) => byId(d, 'nsg-1').rules[1]?.destinationPortRange === '1433-1434', 'the edited rule was not saved');
    assert.deepEqual(byId(edited, 'nsg-1').rules, [HTTPS_IN, { name: 'DenySqlOut', priority: 200, direction: 'Outbound', access: 'Deny', protocol: 'Udp', sourceAddressPrefix: 'VirtualNetwork', sourcePortRange: '*', destinationAddressPrefix: '10.20.0.0/24', destinationPortRange: '1433-1434' }]);

    // Remove the first rule with the keyboard.
    await webview(page, '[data-testid="nsg-rules-remove-0"]').focus();
    await page.keyboard.press('Enter');
    await expectRows([last()[1]], 'Enter on the remove button did not remove the row');

    // Each change was one undo step: Ctrl+Z walks back through every snapshot exactly, to the original rules.
    await webview(page, '[data-testid="nsg-rules-add"]').focus();
    for (let i = snapshots.length - 2; i >= 0; i--) {
      await page.keyboard.press('Control+z');
      await waitFor(page, async () => JSON.stringify(await tableRows(page, 'nsg-rules')) === JSON.stringify(snapshots[i]), `Ctrl+Z #${snapshots.length - 1 - i} did not restore the rules before that change`);
    }
    const restored = await saved(ctx, (d) => byId(d, 'nsg-1').rules.length === 1, 'the undone rules were not saved');
    assert.deepEqual(byId(restored, 'nsg-1').rules, [HTTPS_IN], 'undo did not restore the original rules exactly');

    // A route to a virtual appliance: the next hop IP is asked for, refused when malformed, then saved.
    await selectOnly(page, 'rt-1');
    await webview(page, '[data-testid="routes-add"]').focus();
    await page.keyboard.press('Enter');
    await waitFor(page, async () => (await tableRows(page, 'routes')).length === 1, 'Enter on Add did not add a route');
    await webview(page, '[data-testid="routes-0-nextHopType"]').focus();
    // Next hop types in order: VirtualNetworkGateway, VnetLocal, Internet (the default), VirtualAppliance, None.
    await page.keyboard.press('ArrowDown');
    const ipError = webview(page, '[data-testid="routes-0-nextHopIpAddress-error"]');
    await waitFor(page, async () => /needs the appliance/.test(await ipError.innerText().catch(() => '')), 'choosing VirtualAppliance did not ask for the next hop IP');
    assert.equal(await ipError.getAttribute('role'), 'alert');
    await typeCell(page, 'routes-0-nextHopIpAddress', '10.0.9');
    await waitFor(page, async () => /not an IPv4 address/.test(await ipError.innerText().catch(() => '')), 'a malformed next hop IP was not refused');
    await typeCell(page, 'routes-0-nextHopIpAddress', '10.0.9.4');
    await waitFor(page, async () => (await ipError.count()) === 0, 'the next hop message stayed after a valid IP');
    await screenshot(page, 'gestures-route');
    const routed = await saved(ctx, (d) => byId(d, 'rt-1').routes[0]?.nextHopIpAddress === '10.0.9.4', 'the route was not saved');
    assert.deepEqual(byId(routed, 'rt-1').routes, [{ name: 'route-1', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.9.4' }]);
    await webview(page, '[data-testid="routes-add"]').focus();
    await page.keyboard.press('Control+z');
    await waitFor(page, async () => (await webview(page, '[data-testid="routes-0-nextHopIpAddress"]').inputValue()) === '', 'Ctrl+Z did not take back only the next hop IP');
    assert.equal(await webview(page, '[data-testid="routes-0-nextHopType"]').inputValue(), 'VirtualAppliance');
  });
});

test('gestures: resize a VNet by its handle, never smaller than its subnets, one undo step', async (t) => {
  await withBrowser(t, async ({ page }) => {
    const ctx = await openDesign(page);
    await selectOnly(page, 'vnet-a');
    const handle = webview(page, '.react-flow__node[data-id="vnet-a"] .react-flow__resize-control.handle.bottom.right');
    await handle.waitFor();
    const { zoom } = await viewport(page);
    const drag = async (dx, dy) => {
      const from = await center(handle);
      // The mini map sits over the canvas's bottom-right corner: a press there would pan instead of resize.
      const hit = await handle.evaluate((h) => {
        const r = h.getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === h;
      });
      assert.ok(hit, 'the resize handle is covered (by the mini map?)');
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 5 });
      await page.mouse.move(from.x + dx, from.y + dy, { steps: 5 });
      await page.mouse.up();
    };
    await drag(40, 30);
    const grown = await saved(ctx, (d) => byId(d, 'vnet-a').size.width !== 320, 'the resize never reached the saved file');
    const size1 = byId(grown, 'vnet-a').size;
    t.diagnostic(`zoom ${zoom.toFixed(3)}: drag 40×30 px → ${JSON.stringify(size1)}`);
    assert.ok(Math.abs(size1.width - (320 + 40 / zoom)) <= 4 && Math.abs(size1.height - (260 + 30 / zoom)) <= 4,
      `the VNet grew to ${JSON.stringify(size1)}, not by the drag (${(40 / zoom).toFixed(0)}×${(30 / zoom).toFixed(0)})`);
    assert.deepEqual(byId(grown, 'vnet-a').position, { x: 300, y: 0 }, 'a bottom-right resize moved the VNet');
    await screenshot(page, 'gestures-resize-grown');

    // Dragging far inwards (staying on the canvas, where the drag ends) stops at the subnets.
    await drag(-260, -220);
    const shrunk = await saved(ctx, (d) => byId(d, 'vnet-a').size.width < size1.width, 'the shrink never reached the saved file');
    const size2 = byId(shrunk, 'vnet-a').size;
    const kids = await Promise.all(['snet-a1', 'snet-a2'].map(async (id) => ({ id, box: await node(page, id).boundingBox(), pos: byId(shrunk, id).position })));
    for (const k of kids) {
      const right = k.pos.x + k.box.width / zoom;
      const bottom = k.pos.y + k.box.height / zoom;
      assert.ok(size2.width >= right && size2.height >= bottom, `the VNet (${JSON.stringify(size2)}) shrank past ${k.id} (${right.toFixed(0)}, ${bottom.toFixed(0)})`);
    }
    assert.ok(size2.width < 320 && size2.height <= 260, `the VNet did not shrink towards its subnets: ${JSON.stringify(size2)}`);
    const frame = await node(page, 'vnet-a').boundingBox();
    for (const k of kids) assert.ok(inside(k.box, frame), `${k.id} is drawn outside its VNet after the shrink`);
    await screenshot(page, 'gestures-resize-min');

    await page.keyboard.press('Control+z');
    const undo1 = await saved(ctx, (d) => byId(d, 'vnet-a').size.width === size1.width, 'one Ctrl+Z did not undo the shrink');
    assert.deepEqual(byId(undo1, 'vnet-a').size, size1);
    await page.keyboard.press('Control+z');
    const undo2 = await saved(ctx, (d) => byId(d, 'vnet-a').size.width === 320, 'a second Ctrl+Z did not undo the first resize');
    assert.deepEqual(strip(undo2), strip(fixture()), 'two undos did not restore the design');
  });
});

test('gestures: box selection, group move and delete, Ctrl+click and Ctrl+A', async (t) => {
  await withBrowser(t, async ({ page }) => {
    const ctx = await openDesign(page);
    const original = fixture();
    // Shift+drag on the empty pane around the environment and the policy.
    const a = await flowToPage(page, { x: -30, y: -30 });
    const b = await flowToPage(page, { x: 250, y: 290 });
    await page.mouse.click(a.x, a.y);
    await page.keyboard.down('Shift');
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 6 });
    await page.mouse.move(b.x, b.y, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await waitFor(page, async () => (await selectedIds(page)).join() === 'env-1,policy-1', `Shift+drag selected ${(await selectedIds(page)).join()} instead of the environment and the policy`);
    await screenshot(page, 'gestures-box-select');

    // Drag both by one of them.
    const { zoom } = await viewport(page);
    const from = await center(node(page, 'env-1'));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 30, from.y + 40, { steps: 5 });
    await page.mouse.move(from.x + 60, from.y + 80, { steps: 5 });
    await page.mouse.up();
    const moved = await saved(ctx, (d) => byId(d, 'env-1').position.y !== 0, 'the group move never reached the saved file');
    const dEnv = { x: byId(moved, 'env-1').position.x, y: byId(moved, 'env-1').position.y };
    const dPol = { x: byId(moved, 'policy-1').position.x, y: byId(moved, 'policy-1').position.y - 170 };
    t.diagnostic(`zoom ${zoom.toFixed(3)}: moved env by ${JSON.stringify(dEnv)}, policy by ${JSON.stringify(dPol)}`);
    assert.deepEqual(dPol, dEnv, 'the two selected elements did not move together');
    assert.ok(Math.abs(dEnv.x - 60 / zoom) <= 3 && Math.abs(dEnv.y - 80 / zoom) <= 3, `the group moved by ${JSON.stringify(dEnv)}, not by the drag`);
    for (const id of ['vnet-a', 'nsg-1', 'rt-1']) assert.deepEqual(byId(moved, id).position, byId(original, id).position, `${id} moved with the group`);
    const envMoved = await node(page, 'env-1').getAttribute('style');
    await page.keyboard.press('Control+z');
    await waitFor(page, async () => (await node(page, 'env-1').getAttribute('style')) !== envMoved, 'the canvas did not show the undone group move');
    const back = await saved(ctx, (d) => byId(d, 'env-1').position.y === 0, 'one Ctrl+Z did not undo the group move');
    assert.deepEqual(strip(back), strip(original), 'undoing the group move did not restore both positions');

    // Delete the selection: both elements and their relations go; one Ctrl+Z brings everything back.
    await waitFor(page, async () => (await selectedIds(page)).join() === 'env-1,policy-1', 'the selection was lost after undo');
    await page.keyboard.press('Delete');
    await waitFor(page, async () => !(await nodeIds(page)).some((id) => id === 'env-1' || id === 'policy-1'), 'Delete did not remove the selected elements');
    const deleted = await saved(ctx, (d) => d.elements.length === original.elements.length - 2, 'the delete never reached the saved file');
    assert.deepEqual(deleted.relations.map((r) => r.id), ['nsga-1'], 'relations of the deleted elements were left behind');
    await page.keyboard.press('Control+z');
    await waitFor(page, async () => (await edgeCount(page)) === 3 && (await nodeIds(page)).includes('policy-1'), 'one Ctrl+Z did not restore the elements and their relations');
    const restored = await saved(ctx, (d) => d.elements.length === original.elements.length, 'the undone delete never reached the saved file');
    assert.deepEqual(strip(restored), strip(original), 'undoing the delete did not restore the design exactly');

    // Ctrl+click adds to the selection; the inspector shows the count.
    await selectOnly(page, 'nsg-1');
    await clickNode(page, 'rt-1', ['Control']);
    await waitFor(page, async () => (await selectedIds(page)).join() === 'nsg-1,rt-1', 'Ctrl+click did not add the route table');
    await waitFor(page, async () => /2 items selected/.test(await webview(page, '[data-testid="inspector"]').innerText()), 'the inspector does not show the two selected items');
    // Ctrl+A selects every element.
    await page.keyboard.press('Control+a');
    await waitFor(page, async () => (await selectedIds(page)).length === original.elements.length, 'Ctrl+A did not select every element');
    await waitFor(page, async () => new RegExp(`${original.elements.length} items selected`).test(await webview(page, '[data-testid="inspector"]').innerText()), 'the inspector does not show every element selected');
    await screenshot(page, 'gestures-select-all');
  });
});

/** Computed colours of the designer's parts, to compare between themes. */
async function partColours(page) {
  return webview(page, 'body').evaluate(() => {
    const parts = {
      'body background': ['body', 'backgroundColor'],
      'canvas background': ['.react-flow', 'backgroundColor'],
      'node background': ['.react-flow__node[data-id="env-1"] .element-node', 'backgroundColor'],
      'node text': ['.react-flow__node[data-id="env-1"] .element-node', 'color'],
      'node border': ['.react-flow__node[data-id="nsg-1"] .element-node', 'borderTopColor'],
      'vnet frame': ['.vnet-node', 'borderTopColor'],
      'edge stroke': ['.react-flow__edge:not(.selected) .react-flow__edge-path', 'stroke'],
      'edge label': ['.react-flow__edge-text', 'fill'],
      'edge label background': ['.react-flow__edge-textbg', 'fill'],
      handle: ['.react-flow__handle', 'backgroundColor'],
      'handle border': ['.react-flow__handle', 'borderTopColor'],
      'badge text': ['.react-flow__node .badge', 'color'],
      'minimap background': ['.minimap-layers', 'backgroundColor'],
      'minimap node': ['.react-flow__minimap-node', 'fill'],
      'zoom button': ['.react-flow__controls-button', 'backgroundColor'],
      'zoom icon': ['.react-flow__controls-button', 'color'],
      // The dots are painted in the grid's currentColor (canvas/DotGrid.tsx).
      'background dots': ['.canvas-grid', 'color'],
      palette: ['.palette', 'backgroundColor'],
      toolbar: ['.toolbar', 'backgroundColor'],
      'inspector background': ['.inspector', 'backgroundColor'],
      'inspector input': ['.inspector input', 'backgroundColor'],
      'inspector text': ['.inspector', 'color'],
      'problems background': ['.problems', 'backgroundColor'],
      'resize handle': ['.react-flow__resize-control.handle', 'backgroundColor'],
    };
    const out = {};
    // A badge is tinted with the theme's error colour, which Dark Modern and Light Modern happen to share:
    // compare it with that variable rather than across themes.
    const badge = document.querySelector('.react-flow__node .badge.severity-error');
    const probe = document.createElement('span');
    probe.style.color = 'var(--vscode-errorForeground)';
    document.body.append(probe);
    out['badge is the error colour'] = String(!!badge && getComputedStyle(badge).backgroundColor === getComputedStyle(probe).color);
    probe.remove();
    for (const [name, [sel, prop]] of Object.entries(parts)) {
      const el = document.querySelector(sel);
      out[name] = el ? getComputedStyle(el)[prop] : 'missing';
    }
    out.themeClass = [...document.body.classList].filter((c) => c.startsWith('vscode-')).join(' ');
    return out;
  });
}

function luminance(css) {
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(css);
  if (!m) return NaN;
  return (0.2126 * Number(m[1]) + 0.7152 * Number(m[2]) + 0.0722 * Number(m[3])) / 255;
}

/**
 * Switches VS Code's colour theme the way the theme picker does, by writing workbench.colorTheme (here into
 * the workspace settings, which VS Code applies live). The picker itself closes again in this harness when the
 * workbench hands focus back to the webview as the command palette closes, so it cannot be driven reliably.
 */
async function pickTheme(ctx, name, bodyClass) {
  const settings = join(ctx.folder, '.vscode', 'settings.json');
  const current = JSON.parse(await readFile(settings, 'utf8'));
  await writeFile(settings, JSON.stringify({ ...current, 'workbench.colorTheme': name }) + '\n');
  await waitFor(ctx.page, async () => (await webview(ctx.page, 'body').getAttribute('class'))?.split(/\s+/).includes(bodyClass), `the designer did not switch to ${name} (${bodyClass})`, 30_000);
}

test('gestures: theme-aware colours in light and high-contrast themes', async (t) => {
  await withBrowser(t, async ({ page }) => {
    const ctx = await openDesign(page);
    // A selected VNet shows its resize handles; the problems list and badges come from the fixture's findings.
    await selectOnly(page, 'vnet-a');
    await webview(page, '.react-flow__node .badge').first().waitFor({ timeout: 20_000 });
    // This code-server starts in a light theme: begin from the dark default.
    await pickTheme(ctx, 'Dark Modern', 'vscode-dark');
    const dark = await partColours(page);
    await screenshot(page, 'gestures-theme-dark');
    await pickTheme(ctx, 'Light Modern', 'vscode-light');
    await waitFor(page, async () => (await partColours(page))['canvas background'] !== dark['canvas background'], 'the canvas background did not follow the light theme');
    const light = await partColours(page);
    await screenshot(page, 'gestures-theme-light');
    await pickTheme(ctx, 'Default High Contrast', 'vscode-high-contrast');
    const hc = await partColours(page);
    await screenshot(page, 'gestures-theme-hc');
    t.diagnostic(`dark ${JSON.stringify(dark)}`);
    t.diagnostic(`light ${JSON.stringify(light)}`);
    t.diagnostic(`high contrast ${JSON.stringify(hc)}`);
    for (const [part, colour] of Object.entries(light)) {
      assert.notEqual(colour, 'missing', `${part} is not on the page`);
      if (part === 'badge is the error colour') assert.ok(colour === 'true' && dark[part] === 'true' && hc[part] === 'true', 'the error badge is not tinted with the theme\'s error colour');
      else if (part !== 'themeClass') assert.notEqual(colour, dark[part], `${part} kept its dark-theme colour ${colour} in the light theme (hard-coded?)`);
    }
    for (const theme of [dark, light, hc]) {
      // Secondary buttons may be transparent (Dark Modern's are): the icon must then stand out from the canvas.
      assert.ok(Math.abs(luminance(theme['zoom icon']) - luminance(theme['canvas background'])) > 0.4, `the zoom buttons' icons do not stand out in ${theme.themeClass}`);
      assert.ok(theme.handle !== theme['canvas background'] || theme['handle border'] !== theme['canvas background'], `connection handles are invisible in ${theme.themeClass}`);
    }
    assert.ok(luminance(light['canvas background']) > 0.8 && luminance(dark['canvas background']) < 0.3, 'the canvas is not light in the light theme and dark in the dark theme');
    assert.ok(luminance(light['node text']) < 0.4, 'node text is not dark on the light theme');
    assert.ok(luminance(hc['canvas background']) < 0.1, 'the high-contrast canvas is not black');
    assert.notEqual(hc['node border'], dark['node border'], 'node borders do not take the high-contrast border colour');
  });
});

/** What the focused element of the designer is, and whether it shows a focus ring. */
async function focusInfo(page) {
  return webview(page, 'body').evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { where: 'body' };
    const area = el.closest('.palette') ? 'palette' : el.closest('.react-flow__node') ? 'node' : el.closest('.react-flow') ? 'canvas'
      : el.closest('.inspector') ? 'inspector' : el.closest('.problems') ? 'problems' : el.closest('.toolbar') ? 'toolbar' : 'other';
    const ring = (x) => {
      if (!x) return false;
      const s = getComputedStyle(x);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow !== 'none' && s.boxShadow !== '');
    };
    // The ring may be drawn by the element, its content (nodes), its shadow control (toolkit buttons),
    // or for an edge by its path, drawn thicker in the focus colour.
    const path = el.classList.contains('react-flow__edge') ? el.querySelector('.react-flow__edge-path') : null;
    const shows = ring(el) || ring(el.firstElementChild) || ring(el.shadowRoot?.querySelector('.control'))
      || (!!path && parseFloat(getComputedStyle(path).strokeWidth) >= 3);
    return { where: area, tag: el.tagName.toLowerCase(), label: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40), ring: shows };
  });
}

test('gestures: keyboard focus rings and accessible names', async (t) => {
  await withBrowser(t, async ({ page }) => {
    await openDesign(page);
    await selectOnly(page, 'nsg-1');
    await webview(page, '[data-testid="nsg-rules"]').waitFor();
    // Tab from the toolbar's last button into the palette, through the canvas and into the inspector.
    // (A focus() call does not count as keyboard focus, so the first element is reached by Tab too.)
    await webview(page, '[data-testid="open-text"]').focus();
    await page.keyboard.press('Tab');
    const seen = [];
    const shots = new Set();
    for (let i = 0; i < 80; i++) {
      const f = await focusInfo(page);
      seen.push(f);
      if (!shots.has(f.where) && ['palette', 'node', 'inspector'].includes(f.where)) {
        shots.add(f.where);
        await screenshot(page, `gestures-focus-${f.where}`);
      }
      if (f.where === 'inspector') break;
      await page.keyboard.press('Tab');
    }
    t.diagnostic(`tab order: ${seen.map((f) => `${f.where}:${f.label}${f.ring ? '' : ' (NO RING)'}`).join(' → ')}`);
    const areas = [...new Set(seen.map((f) => f.where))];
    assert.deepEqual(areas.filter((a) => ['palette', 'node', 'inspector'].includes(a)), ['palette', 'node', 'inspector'], `Tab did not go palette → canvas nodes → inspector: ${areas.join(' → ')}`);
    const ringless = seen.filter((f) => !f.ring && f.where !== 'body');
    assert.deepEqual(ringless, [], 'focused elements without a visible focus ring');

    // Every control a screen reader reaches has a name.
    const unnamed = await webview(page, 'body').evaluate(() => {
      const nameOf = (el) => {
        const aria = el.getAttribute('aria-label')?.trim();
        if (aria) return aria;
        const by = el.getAttribute('aria-labelledby');
        if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
        if (el.id) {
          const label = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
          if (label?.textContent?.trim()) return label.textContent.trim();
        }
        if (el.closest('label')?.textContent?.trim()) return el.closest('label').textContent.trim();
        if (['button', 'vscode-button', 'vscode-checkbox', 'a'].includes(el.tagName.toLowerCase()) || el.getAttribute('role') === 'button') return el.textContent?.trim() ?? '';
        return el.getAttribute('title')?.trim() ?? '';
      };
      const controls = document.querySelectorAll('button, [role="button"], input, select, textarea, vscode-button, vscode-checkbox, a[href], [tabindex]:not([tabindex="-1"])');
      return [...controls].filter((el) => !nameOf(el)).map((el) => el.outerHTML.slice(0, 160));
    });
    assert.deepEqual(unnamed, [], 'controls without an accessible name');
    // The parts the brief names, each checked on its own so a regression names the part.
    const names = await webview(page, 'body').evaluate(() => ({
      nodes: [...document.querySelectorAll('.react-flow__node')].map((n) => n.getAttribute('aria-label')),
      edges: [...document.querySelectorAll('.react-flow__edge')].map((n) => n.getAttribute('aria-label')),
      palette: [...document.querySelectorAll('.palette-item')].map((n) => n.getAttribute('aria-label')),
      problems: [...document.querySelectorAll('.problem-main')].map((n) => n.getAttribute('aria-label')),
      toolbar: [...document.querySelectorAll('.toolbar vscode-button')].map((n) => n.getAttribute('aria-label')),
      ruleCells: [...document.querySelectorAll('[data-testid="nsg-rules"] input, [data-testid="nsg-rules"] select')].map((n) => n.getAttribute('aria-label')),
      inspectorFields: [...document.querySelectorAll('.inspector input[id], .inspector select[id], .inspector textarea[id]')].map((n) => document.querySelector(`label[for="${CSS.escape(n.id)}"]`)?.textContent ?? null),
    }));
    t.diagnostic(`names: ${JSON.stringify(names)}`);
    for (const [part, list] of Object.entries(names)) {
      assert.ok(list.length > 0, `no ${part} found`);
      assert.ok(list.every((n) => n && n.trim()), `${part} without a name: ${JSON.stringify(list)}`);
    }
    assert.ok(names.nodes.includes('Network security group nsg-one'), `node names do not say kind and name: ${names.nodes.join(', ')}`);
    assert.ok(names.edges.includes('Env One linked policy-one'), `edge names do not read as a sentence of element names: ${names.edges.join(', ')}`);
    // Playwright's accessibility tree agrees: no unnamed button, text box or combo box.
    const tree = await webview(page, 'body').ariaSnapshot();
    const bare = tree.split('\n').filter((l) => /^\s*- (button|textbox|combobox|checkbox|link)\s*(?:\[[^\]]*\])?\s*:?\s*$/.test(l));
    assert.deepEqual(bare, [], 'the accessibility tree has controls without a name');
  });
});
