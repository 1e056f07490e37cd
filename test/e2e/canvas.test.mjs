// e2e: build a design on the canvas from an empty file with mouse and keyboard, watch a problem appear and
// go away through its quick fix, auto-layout, delete/undo/redo and save; then pan a 1,000-element design
// under a Chromium trace and report the longest frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, freshWorkspace, openWorkbench, runCommand, screenshot, webview, withBrowser } from './lib.mjs';
import { assertDirty as assertDirtyOn, center, connect, dragFromPalette, edgeCount, findCanvasFrame, nodeIds, openFromExplorer, waitFor as waitOn } from './canvas-helpers.mjs';

const EMPTY = 'canvas.ppvnet.json';
/** The issue's budgets for the 1,000-element pan (ms), printed next to the measured frames. */
const PAN_BUDGET = { longest: 50, p95: 20 };
/** Fails the test: the webview's own main-thread work per frame, far above today's (see the assert). */
const PAN_WORK_P95_LIMIT_MS = 50;
const LARGE = 'large.ppvnet.json';
/** The seed design the fixture workspace holds: the same-run baseline of the open timings. */
const SMALL = 'seed.ppvnet.json';

test('build a design on an empty canvas: palette, connections, problems, auto-layout, undo/redo, save', async (t) => {
  await withBrowser(t, async ({ page, webviewErrors }) => {
    const waitFor = (fn, message, timeoutMs) => waitOn(page, fn, message, timeoutMs);
    const assertDirty = (tab, dirty, message) => assertDirtyOn(page, tab, dirty, message);
    const folder = await freshWorkspace('e2e-workspace');
    await writeFile(join(folder, EMPTY), JSON.stringify({ version: 1, name: 'Canvas test', elements: [], relations: [] }, null, 2) + '\n');
    // VS Code in the browser saves after a delay by default; this test checks that Ctrl+S (sent by the designer) saves.
    await mkdir(join(folder, '.vscode'), { recursive: true });
    await writeFile(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'files.autoSave': 'off' }) + '\n');
    await openWorkbench(page, folder, EMPTY);
    await openFromExplorer(page, EMPTY);
    const canvas = webview(page, '[data-testid="canvas"] .react-flow__pane');
    await canvas.waitFor({ timeout: 60_000 });
    await webview(page, '[data-testid="palette"]').waitFor();
    assert.equal((await nodeIds(page)).length, 0, 'the empty design shows nodes');
    await screenshot(page, 'canvas-empty');

    const env = await dragFromPalette(page, 'environment', canvas, { x: 120, y: 120 });
    const policy = await dragFromPalette(page, 'enterprisePolicy', canvas, { x: 120, y: 300 });
    const vnet = await dragFromPalette(page, 'vnet', canvas, { x: 480, y: 160 });
    const vnetNode = webview(page, `.react-flow__node[data-id="${vnet}"]`);
    const vbox = await vnetNode.boundingBox();
    const subnet = await dragFromPalette(page, 'subnet', vnetNode, { x: vbox.width / 2, y: vbox.height / 2 + 10 });
    t.diagnostic(`created ${env}, ${policy}, ${vnet}, ${subnet}`);
    const subnetNode = webview(page, `.react-flow__node[data-id="${subnet}"]`);
    assert.equal(await subnetNode.evaluate((n) => n.closest('.react-flow__nodes') !== null && n.dataset.id), subnet);

    // A subnet dropped on empty canvas is refused with a reason.
    const before = (await nodeIds(page)).length;
    await webview(page, '[data-testid="palette-subnet"]').dragTo(canvas, { targetPosition: { x: 120, y: 480 } });
    await waitFor(async () => /inside a virtual network/.test(await webview(page, '[data-testid="status"]').innerText()), 'no reason shown for a subnet dropped outside a VNet');
    assert.equal((await nodeIds(page)).length, before, 'a subnet outside a VNet was created');

    // Keyboard: focus a palette item and press Enter.
    const beforeKeys = new Set(await nodeIds(page));
    await webview(page, '[data-testid="palette-natGateway"]').focus();
    await page.keyboard.press('Enter');
    const nat = await waitFor(async () => (await nodeIds(page)).find((id) => !beforeKeys.has(id)), 'Enter on a palette item added nothing');
    t.diagnostic(`keyboard added ${nat}`);

    await connect(page, env, policy);
    await waitFor(async () => (await edgeCount(page)) === 1, 'environment → policy connection was not created');
    await connect(page, policy, subnet);
    await waitFor(async () => (await edgeCount(page)) === 2, 'policy → subnet connection was not created');
    // An invalid connection (environment → subnet) is refused with a visible reason.
    await connect(page, env, subnet);
    await waitFor(async () => /cannot be connected/.test(await webview(page, '[data-testid="status"]').innerText()), 'no reason shown for an invalid connection');
    assert.equal(await edgeCount(page), 2, 'an invalid connection was created');
    await screenshot(page, 'canvas-built');

    // The policy's subnet is not delegated yet: the engine reports it; its quick fix delegates the subnet.
    const problem = webview(page, `[data-testid="problem-PPV-008-${subnet}"]`);
    await problem.waitFor({ timeout: 20_000 });
    const rows = await webview(page, '[data-testid^="problem-"]').evaluateAll((ns) => ns.map((n) => n.dataset.testid));
    t.diagnostic(`problems: ${rows.join(', ')}`);
    await screenshot(page, 'canvas-problem');
    await problem.locator('.problem-main').click();
    await waitFor(async () => (await subnetNode.getAttribute('class'))?.includes('selected'), 'clicking the problem did not select its element');
    await problem.locator('.quick-fix').first().click();
    await problem.waitFor({ state: 'detached', timeout: 20_000 });
    await screenshot(page, 'canvas-fixed');

    // Auto-layout: one edit, then fit view.
    const envBefore = await webview(page, `.react-flow__node[data-id="${env}"]`).getAttribute('style');
    await webview(page, '[data-testid="auto-layout"]').click();
    await waitFor(async () => /Laid out/.test(await webview(page, '[data-testid="status"]').innerText()), 'auto-layout did not finish', 60_000);
    t.diagnostic(`auto-layout: ${await webview(page, '[data-testid="status"]').innerText()}`);
    await waitFor(async () => (await webview(page, `.react-flow__node[data-id="${env}"]`).getAttribute('style')) !== envBefore, 'auto-layout moved nothing');
    await page.waitForTimeout(600);
    await screenshot(page, 'canvas-layout');

    // Europe needs two VNets: add the failover VNet and its subnet with the keyboard, connect it, and the
    // single-VNet problem of the policy goes away.
    const pairProblem = webview(page, `[data-testid="problem-PPV-004-${policy}"]`);
    await pairProblem.waitFor({ timeout: 20_000 });
    let known = new Set(await nodeIds(page));
    await webview(page, '[data-testid="palette-vnet"]').focus();
    await page.keyboard.press('Enter');
    const vnet2 = await waitFor(async () => (await nodeIds(page)).find((id) => !known.has(id)), 'Enter on the VNet palette item added nothing');
    known = new Set(await nodeIds(page));
    await webview(page, '[data-testid="palette-subnet"]').focus();
    await page.keyboard.press('Enter');
    const subnet2 = await waitFor(async () => (await nodeIds(page)).find((id) => !known.has(id)), 'Enter on the subnet palette item added nothing');
    await connect(page, policy, subnet2);
    await waitFor(async () => (await edgeCount(page)) === 3, 'policy → second subnet connection was not created');
    await pairProblem.waitFor({ state: 'detached', timeout: 20_000 });
    await screenshot(page, 'canvas-paired');

    // Delete with the keyboard, undo and redo through the workbench.
    await webview(page, '[data-testid="fit-view"]').click();
    await page.waitForTimeout(500);
    // Fit view animates; a click during the animation can miss. Confirm the selection before Delete,
    // or Delete would remove whatever was selected before (the subnet just added).
    await waitFor(async () => {
      await webview(page, `.react-flow__node[data-id="${nat}"]`).click();
      return (await webview(page, `.react-flow__node.selected[data-id="${nat}"]`).count()) === 1;
    }, 'clicking the NAT gateway did not select it');
    await page.keyboard.press('Delete');
    await waitFor(async () => !(await nodeIds(page)).includes(nat), 'Delete did not remove the selected element');
    await page.keyboard.press('Control+z');
    await waitFor(async () => (await nodeIds(page)).includes(nat), 'Ctrl+Z did not bring the element back');
    await page.keyboard.press('Control+y');
    await waitFor(async () => !(await nodeIds(page)).includes(nat), 'Ctrl+Y did not delete it again');
    await page.keyboard.press('Control+z');
    await waitFor(async () => (await nodeIds(page)).includes(nat), 'second Ctrl+Z did not bring it back');

    // The designer's own tab: a text tab of the same file may sit next to it when the fallback open was used.
    const tab = page.locator('.tabs-container .tab.active', { hasText: EMPTY });
    await assertDirty(tab, true, 'the document is not dirty after editing');
    await page.keyboard.press('Control+s');
    await assertDirty(tab, false, 'Ctrl+S did not save');
    const saved = JSON.parse(await readFile(join(folder, EMPTY), 'utf8'));
    const ids = saved.elements.map((e) => e.id).sort();
    assert.deepEqual(ids, [env, nat, policy, subnet, subnet2, vnet, vnet2].sort(), 'saved elements differ from what was built');
    assert.deepEqual([vnet, vnet2].map((id) => saved.elements.find((e) => e.id === id).region), ['westeurope', 'northeurope'], 'the second VNet is not in the pair region');
    assert.equal(saved.elements.find((e) => e.id === subnet2).parent, vnet2, 'the keyboard-added subnet is not in the selected VNet');
    assert.equal(saved.elements.find((e) => e.id === subnet).parent, vnet, 'the subnet is not inside the VNet');
    assert.deepEqual(saved.elements.find((e) => e.id === subnet).delegations, ['Microsoft.PowerPlatform/enterprisePolicies']);
    assert.deepEqual(saved.relations.map((r) => `${r.kind}:${r.from}->${r.to}`).sort(), [`policyLink:${env}->${policy}`, `policySubnet:${policy}->${subnet}`, `policySubnet:${policy}->${subnet2}`].sort());
    assert.ok(saved.elements.every((e) => e.position), 'an element was saved without a position');
    await screenshot(page, 'canvas-saved');
    for (const e of webviewErrors) t.diagnostic(`webview console error: ${e}`);
  });
});

/** 1,000 elements: 40 environment/policy pairs, 80 VNets with 6 subnets each, NSGs and NAT gateways. */
function largeDesign() {
  const elements = [];
  const relations = [];
  for (let p = 0; p < 40; p++) {
    const y = p * 700;
    elements.push({ id: `env-${p}`, kind: 'environment', name: `Env ${p}`, geography: 'europe', managed: true, position: { x: 0, y } });
    elements.push({ id: `policy-${p}`, kind: 'enterprisePolicy', name: `policy-${p}`, geography: 'europe', position: { x: 300, y } });
    relations.push({ id: `link-${p}`, kind: 'policyLink', from: `env-${p}`, to: `policy-${p}` });
    for (const [i, region] of ['westeurope', 'northeurope'].entries()) {
      const v = `vnet-${p}-${i}`;
      elements.push({ id: v, kind: 'vnet', name: v, region, addressSpaces: [`10.${(p * 2 + i) % 250}.0.0/16`], size: { width: 480, height: 330 }, position: { x: 600 + i * 520, y } });
      for (let s = 0; s < 6; s++) {
        const sid = `snet-${p}-${i}-${s}`;
        // One policy subnet says it has no delegation: the one problem with a quick fix (edit → badges below).
        const delegations = p === 0 && i === 0 && s === 0 ? { delegations: [] } : {};
        elements.push({ id: sid, kind: 'subnet', name: sid, addressPrefix: `10.${(p * 2 + i) % 250}.${s}.0/24`, ...delegations, parent: v, position: { x: 20 + (s % 2) * 230, y: 64 + Math.floor(s / 2) * 88 } });
        if (s === 0) relations.push({ id: `ps-${p}-${i}`, kind: 'policySubnet', from: `policy-${p}`, to: sid });
      }
    }
    elements.push({ id: `nsg-${p}`, kind: 'nsg', name: `nsg-${p}`, rules: [], position: { x: 1700, y } });
    elements.push({ id: `nat-${p}`, kind: 'natGateway', name: `nat-${p}`, position: { x: 1700, y: y + 150 } });
    elements.push({ id: `rt-${p}`, kind: 'routeTable', name: `rt-${p}`, routes: [], position: { x: 1700, y: y + 300 } });
    relations.push({ id: `nsga-${p}`, kind: 'nsgAssociation', from: `nsg-${p}`, to: `snet-${p}-0-0` });
  }
  while (elements.length < 1000) {
    const n = elements.length;
    elements.push({ id: `kv-${n}`, kind: 'azureService', serviceType: 'keyVault', name: `kv-${n}`, position: { x: 2000, y: (n - 960) * 120 } });
  }
  return { version: 1, name: 'Scale check', elements, relations };
}

test('scale: pan a 1,000-element design under a performance trace and report the longest frame', async (t) => {
  await withBrowser(t, async ({ page, browser }) => {
    const folder = await freshWorkspace('e2e-workspace');
    const design = largeDesign();
    assert.equal(design.elements.length, 1000);
    await writeFile(join(folder, LARGE), JSON.stringify(design, null, 2) + '\n');
    await openWorkbench(page, folder, LARGE);
    const browserObj = browser ?? page.context().browser();
    // Cold: the first open also waits for VS Code to start its extension host and to activate us.
    const cold = await openAndTime(page, LARGE);
    for (const line of cold.lines) t.diagnostic(`cold open: ${line}`);
    console.log(`SCALE cold open: ${cold.lines.join('; ')}`);
    // The seconds before the webview page exists, from VS Code's extension host log and ours.
    const beforePage = await coldOpenBeforePage(cold.clickAt, cold.pageAt, LARGE);
    t.diagnostic(`cold open before the webview page: ${beforePage}`);
    console.log(`SCALE cold open before the webview page: ${beforePage}`);

    // A large design is fitted on open: every top-level element lies inside the canvas viewport.
    const fit = await waitOn(page, () => cold.frame.evaluate(viewportCoverage), 'no viewport transform on the canvas');
    t.diagnostic(`fit on open: zoom ${fit.zoom.toFixed(4)}; design bounds ${fit.bounds}; fraction of the design inside the view ${fit.inside.toFixed(3)}; it spans ${fit.span.toFixed(3)} of the view's width or height`);
    await screenshot(page, 'canvas-large');
    const compactNodes = await webview(page, '.element-node.compact').count();
    t.diagnostic(`fitted large design: ${compactNodes} compact nodes drawn`);
    assert.ok(compactNodes > 0, 'the fitted 1,000-element design is drawn with full nodes');

    // Baseline in the same run: the seed design (a few dozen elements) opened in the now running VS Code.
    await runCommand(page, 'View: Close All Editors');
    await webview(page, '[data-testid="canvas"]').waitFor({ state: 'detached', timeout: 30_000 });
    const small = await openAndTime(page, SMALL);
    for (const line of small.lines) t.diagnostic(`baseline, seed design: ${line}`);
    console.log(`SCALE baseline (seed design) warm open: ${small.lines.join('; ')}`);
    // A small design is always drawn in full, whatever zoom its fit needs; only large ones go compact.
    assert.equal(await webview(page, '.element-node.compact').count(), 0, 'the seed design is drawn with compact (text-less) nodes');
    assert.ok(await webview(page, '.element-node .node-name').count() > 0, 'the seed design shows no node names');

    // Warm: close and open again, as a user opens a design in a running VS Code; traced, so the trace says
    // whether the webview's time goes to script, style/layout or paint.
    await runCommand(page, 'View: Close All Editors');
    await webview(page, '[data-testid="canvas"]').waitFor({ state: 'detached', timeout: 30_000 });
    const openTracePath = join(ARTIFACTS, 'canvas-open-trace.json');
    await browserObj.startTracing(page, { path: openTracePath, categories: ['devtools.timeline', 'toplevel', 'v8'] });
    const warm = await openAndTime(page, LARGE);
    await browserObj.stopTracing();
    const openTrace = JSON.parse(await readFile(openTracePath, 'utf8'));
    for (const line of warm.lines) t.diagnostic(`warm open: ${line}`);
    t.diagnostic(`warm open trace (renderer main threads, ms): ${traceTotals(openTrace.traceEvents ?? openTrace)}`);
    console.log(`SCALE warm open: ${warm.lines.join('; ')}`);
    const ratio = (k) => `${(warm.ms[k] / small.ms[k]).toFixed(2)}×`;
    const ratios = `1,000 elements vs the seed design in this run: click → first nodes ${ratio('click')}; webview page → first nodes painted ${ratio('page')}`;
    t.diagnostic(ratios);
    console.log(`SCALE ${ratios}`);
    const inFrame = warm.frame;

    // Pan at about 100 %, where nodes enter and leave the view (the fitted view shows them all, compact).
    const pane = await center(webview(page, '[data-testid="canvas"] .react-flow__pane'));
    const zoomNow = async () => (await inFrame.evaluate(viewportCoverage))?.zoom ?? 1;
    await page.mouse.move(pane.x, pane.y);
    for (let i = 0; i < 12 && (await zoomNow()) < 0.7; i++) await page.mouse.wheel(0, -500);
    await waitOn(page, async () => (await zoomNow()) >= 0.7, 'wheel zoom did not reach 70 %');
    t.diagnostic(`zoomed in to ${(await zoomNow()).toFixed(2)} for panning`);
    await screenshot(page, 'canvas-large-zoomed');

    const pan = await panAndMeasure(page, browserObj, inFrame, pane, 'canvas-pan-trace.json');
    t.diagnostic(`pan: ${pan.line}`);
    console.log(`SCALE pan of 1,000 elements: ${pan.line}`);
    const budgets = `pan: longest frame ${pan.longest.toFixed(1)} ms (budget ${PAN_BUDGET.longest}), p95 ${pan.p95.toFixed(1)} ms (budget ${PAN_BUDGET.p95}); ` +
      `main-thread work per frame (thread time, which other processes' load does not inflate): p95 ${pan.work.p95.toFixed(1)} ms, longest ${pan.work.max.toFixed(1)} ms; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;
    t.diagnostic(budgets);
    console.log(`SCALE ${budgets}`);
    // Where the paint goes: the same pan without the dotted background, then without the minimap (diagnostic only).
    // PPVNET_PAN_EXPERIMENTS='[["name", "css"], …]' runs other passes (e.g. edges or labels hidden) to see where a pan's work goes.
    const EXPERIMENTS = process.env.PPVNET_PAN_EXPERIMENTS ? JSON.parse(process.env.PPVNET_PAN_EXPERIMENTS) : [['background', '.canvas-grid{display:none}'], ['minimap', '.react-flow__minimap,.minimap-layers{display:none}']];
    for (const [part, css] of EXPERIMENTS) {
      // A constructed sheet: the webview's CSP refuses an injected <style> element (it would change nothing).
      await inFrame.evaluate((text) => { const sheet = new CSSStyleSheet(); sheet.replaceSync(text); document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; window.__e2eSheet = sheet; }, css);
      const without = await panAndMeasure(page, browserObj, inFrame, pane, `canvas-pan-no-${part}-trace.json`);
      await inFrame.evaluate(() => { document.adoptedStyleSheets = document.adoptedStyleSheets.filter((x) => x !== window.__e2eSheet); });
      t.diagnostic(`pan without the ${part}: ${without.line}`);
      console.log(`SCALE pan without the ${part}: ${without.line}`);
    }
    const gaps = pan.gaps;
    await screenshot(page, 'canvas-large-panned');

    // Edit → badges: a quick fix on the 1,000-element design, from the edit leaving the webview to the host's
    // judged document arriving (write, reload, rules, message) and to its problem row being gone on screen.
    const target = await inFrame.evaluate(() => [...document.querySelectorAll('li.problem')].find((li) => li.querySelector('.quick-fix'))?.dataset.testid);
    assert.ok(target, 'the large design shows no problem with a quick fix');
    const gone = inFrame.evaluate((testid) => new Promise((resolve) => {
      const check = () => {
        if (document.querySelector(`[data-testid="${testid}"]`)) return false;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
        return true;
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { childList: true, subtree: true });
    }), target);
    await webview(page, `[data-testid="${target}"] .quick-fix`).first().click();
    const removedAt = await gone;
    const latency = await inFrame.evaluate(() => {
      const edits = performance.getEntriesByName('ppvnet:edit-sent');
      const sent = edits.at(-1);
      const back = performance.getEntriesByName('ppvnet:document-changed').find((m) => sent && m.startTime > sent.startTime);
      const painted = performance.getEntriesByName('ppvnet:edit-painted').find((m) => sent && m.startTime > sent.startTime);
      return { sent: sent?.startTime, label: sent?.detail?.label, back: back?.startTime, painted: painted?.startTime, delayMs: window.__ppvnetPerf?.initMessage?.settings?.validationDelayMs };
    });
    assert.ok(latency.sent !== undefined && latency.back !== undefined, 'no edit / document-changed marks around the quick fix');
    const line = `edit → badges on 1,000 elements ("${latency.label}"): edit sent → optimistic edit painted ${Math.round(latency.painted - latency.sent)} ms; edit sent → judged document received ${Math.round(latency.back - latency.sent)} ms; → problem row gone and painted ${Math.round(removedAt - latency.back)} ms; total ${Math.round(removedAt - latency.sent)} ms (ppvnet.validation.delayMs ${latency.delayMs} ms: the host validates at once after a quiet period, and debounces only bursts)`;
    t.diagnostic(line);
    console.log(`SCALE ${line}`);
    // The host's side of that round trip, from its own log (written before it answers the edit).
    const hostLine = await waitOn(page, async () => (await hostLog()).findLast((l) => l.includes(`"${latency.label}"`)), 'the host logged no timing for the edit');
    const hostInit = (await hostLog()).filter((l) => / init: /.test(l)).map((l) => l.replace(/^.*init: /, '')).join('; ');
    t.diagnostic(`host side: ${hostLine.replace(/^.*\] /, '')}; inits: ${hostInit}`);
    console.log(`SCALE host side: ${hostLine.replace(/^.*\] /, '')}; inits: ${hostInit}`);
    assert.ok(gaps.length > 0, 'no frames were recorded');
    // Frame times on a shared machine follow its load, so they are reported against the budgets, not asserted
    // (benchmarks own performance). The webview's own work per frame is not inflated by load: only a regression
    // far beyond noise (today's p95 is about 5–15 ms) fails here.
    assert.ok(pan.work.p95 < PAN_WORK_P95_LIMIT_MS, `main-thread work per pan frame regressed: p95 ${pan.work.p95.toFixed(1)} ms (limit ${PAN_WORK_P95_LIMIT_MS} ms)`);
    assert.ok(fit.inside > 0.98, `the large design is not fitted to the view on open (${(fit.inside * 100).toFixed(1)}% of it visible)`);
    assert.ok(fit.span > 0.7, `the large design is fitted far too small (it spans ${(fit.span * 100).toFixed(1)}% of the view)`);
  });
});

/** Pans the canvas back and forth under a trace; rAF gaps in the webview and the trace's main-thread tasks. */
async function panAndMeasure(page, browserObj, frame, pane, traceName) {
  await frame.evaluate(() => {
    const w = window;
    w.__gaps = [];
    let last = performance.now();
    w.__stop = false;
    const tick = (now) => { w.__gaps.push(now - last); last = now; if (!w.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const tracePath = join(ARTIFACTS, traceName);
  await browserObj.startTracing(page, { path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'toplevel'] });
  await page.mouse.move(pane.x, pane.y);
  await page.mouse.down();
  for (let i = 0; i < 60; i++) await page.mouse.move(pane.x - i * 8, pane.y - i * 5);
  for (let i = 60; i > 0; i--) await page.mouse.move(pane.x - i * 8, pane.y - i * 5);
  await page.mouse.up();
  await browserObj.stopTracing();
  const gaps = await frame.evaluate(() => { window.__stop = true; return window.__gaps.slice(1); });
  gaps.sort((a, b) => b - a);
  const trace = JSON.parse(await readFile(tracePath, 'utf8'));
  const totals = traceTotals(trace.traceEvents ?? trace);
  const q = (f) => gaps[Math.floor(gaps.length * f)]?.toFixed(1);
  const work = workPerFrame(trace.traceEvents ?? trace);
  return { gaps, longest: gaps[0] ?? NaN, p95: gaps[Math.floor(gaps.length * 0.05)] ?? NaN, work, line: `${gaps.length} frames in the webview; longest frame ${gaps[0]?.toFixed(1)} ms; 95th percentile ${q(0.05)} ms; median ${q(0.5)} ms; trace (renderer main threads, ms): ${totals}` };
}

/** Lines of the extension's "Power Platform VNet" log in this run's VS Code profile. */
async function hostLog() {
  return profileLog(join('ppvnet.ppvnet-designer', 'Power Platform VNet.log'));
}

/** Lines of every log file of this run's VS Code profile whose path ends with `suffix`. */
async function profileLog(suffix) {
  const logs = join(process.env.E2E_RUN_DIR ?? '', 'data', 'logs');
  const files = (await readdir(logs, { recursive: true })).filter((f) => f.endsWith(suffix));
  const texts = await Promise.all(files.map((f) => readFile(join(logs, f), 'utf8')));
  return texts.join('\n').split('\n');
}

/** Epoch ms of a VS Code log line ("2026-01-02 03:04:05.678 [info] …", local time). */
function logTime(line) {
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d+)/.exec(line ?? '');
  return m ? new Date(`${m[1]}T${m[2]}`).getTime() : NaN;
}

/**
 * Where the cold open's time before the webview page goes: VS Code loading and activating the extension (its
 * exthost log), our activation and our resolveCustomTextEditor (our log), and VS Code building the webview
 * (page handed over → the page's own time origin). Times are relative to the click on the file.
 */
async function coldOpenBeforePage(clickAt, pageAt, fileName) {
  const ext = await profileLog('remoteexthost.log');
  const ours = await hostLog();
  const rel = (t) => `${t >= clickAt ? '+' : ''}${Math.round(t - clickAt)} ms`;
  const activation = ext.findLast((l) => /_doActivateExtension ppvnet\.ppvnet-designer/.test(l));
  const activated = ours.findLast((l) => / activated in \d+ ms/.test(l));
  const opened = ours.find((l) => l.includes(`designer[${fileName}]: opened`) && logTime(l) >= clickAt - 1000);
  const activateMs = Number(/activated in (\d+) ms/.exec(activated ?? '')?.[1]);
  const evaluatedAt = Number(/bundle evaluated at (\d+)/.exec(activated ?? '')?.[1]);
  const resolveMs = Number(/page handed to the webview (\d+) ms/.exec(opened ?? '')?.[1]);
  const openedAt = logTime(opened);
  const parts = [
    `click → webview page created ${Math.round(pageAt - clickAt)} ms`,
    `VS Code began loading the extension at ${rel(logTime(activation))} (${/activationEvent: '([^']*)'/.exec(activation ?? '')?.[1] ?? 'no log line'})`,
    `bundle read and evaluated ${Math.round(evaluatedAt - logTime(activation))} ms (until ${rel(evaluatedAt)})`,
    `activate ${activateMs} ms`,
    `VS Code asked for the editor at ${rel(openedAt - resolveMs)}`,
    `our resolve (CSP page) ${resolveMs} ms`,
    `page handed over at ${rel(openedAt)} → webview page created ${Math.round(pageAt - openedAt)} ms (VS Code's webview: its host frame, service worker and our HTML)`,
  ];
  return parts.join('; ');
}

/** Main-thread thread time per frame (between the renderer's animation frames) over the trace: p95 and longest. */
function workPerFrame(events) {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  // The workbench's and the webview's callbacks of one frame fire together: a frame starts 4 ms or more after the last.
  const frames = onMain.filter((e) => e.name === 'FireAnimationFrame').map((e) => e.ts).sort((a, b) => a - b)
    .filter((ts, k, all) => k === 0 || ts - all[k - 1] >= 4000);
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  const work = [];
  let i = 0;
  for (let f = 1; f < frames.length; f++) {
    let cpu = 0;
    while (i < tasks.length && tasks[i].ts < frames[f]) {
      if (tasks[i].ts >= frames[f - 1]) cpu += (tasks[i].tdur ?? tasks[i].dur ?? 0) / 1000;
      i++;
    }
    work.push(cpu);
  }
  work.sort((a, b) => b - a);
  return { p95: work[Math.floor(work.length * 0.05)] ?? 0, max: work[0] ?? 0 };
}

/** Opens `fileName` from the explorer; times the click → first nodes and the webview's own steps. */
async function openAndTime(page, fileName) {
  const t0 = Date.now();
  await openFromExplorer(page, fileName);
  await webview(page, '.react-flow__node').first().waitFor({ timeout: 90_000 });
  const firstNodes = Date.now() - t0;
  const frame = await waitOn(page, () => findCanvasFrame(page), 'no frame holds the canvas');
  const startup = await waitOn(page, () => startupTimeline(frame), 'the webview never marked its first painted nodes');
  return { frame, clickAt: t0, pageAt: startup.timeOrigin, lines: describeStartup(startup, t0, firstNodes), ms: { click: firstNodes, page: startup.marks['first-nodes-painted'].at } };
}

/** The webview's `ppvnet:*` marks and host messages, once the first nodes have been painted. */
async function startupTimeline(frame) {
  return frame.evaluate(() => {
    const marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('ppvnet:')).map((m) => [m.name.slice(7), { at: m.startTime, detail: m.detail }]));
    if (!marks['first-nodes-painted']) return undefined;
    const probe = window.__ppvnetPerf;
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      timeOrigin: performance.timeOrigin,
      marks,
      htmlLoaded: nav?.responseEnd,
      messages: probe?.messages ?? [],
      documentBytes: probe?.lastDocumentMessage ? JSON.stringify(probe.lastDocumentMessage).length : 0,
    };
  });
}

/** Where the time between the click and the first nodes went, step by step. */
function describeStartup(s, t0, firstNodes) {
  const m = (name) => s.marks[name]?.at;
  const step = (from, to) => (m(from) !== undefined && m(to) !== undefined ? `${Math.round(m(to) - m(from))}` : '?');
  const documents = s.messages.filter((x) => x.type === 'init' || x.type === 'documentChanged');
  const init = s.marks['init-received']?.detail ?? {};
  return [
    `first nodes ${firstNodes} ms after the click; click → webview page created ${Math.round(s.timeOrigin - t0)} ms; page → script start ${Math.round(m('script-start'))} ms; ` +
      `script start → modules evaluated ${step('script-start', 'modules-evaluated')} ms; → ready sent ${step('modules-evaluated', 'ready-sent')} ms; ` +
      `ready → init received ${step('ready-sent', 'init-received')} ms; init → first designToFlow start ${step('init-received', 'first-flow-start')} ms; ` +
      `designToFlow ${step('first-flow-start', 'first-flow-end')} ms; → first commit with nodes ${step('first-flow-end', 'first-nodes-committed')} ms; ` +
      `→ painted ${step('first-nodes-committed', 'first-nodes-painted')} ms; page created → first nodes painted ${Math.round(m('first-nodes-painted'))} ms; fitted ${m('first-fit') !== undefined ? `${Math.round(m('first-fit'))} ms` : 'never'}`,
    `host messages before the first paint: ${s.messages.map((x) => `${x.type}${x.version !== undefined ? ` v${x.version}` : ''}@${Math.round(x.at)}`).join(', ')}; ` +
      `document payloads ${documents.length}; last payload ${(s.documentBytes / 1024).toFixed(0)} KB; init: ${init.elements} elements, ${init.relations} relations, ${init.findings} findings`,
  ];
}

/** Time per trace event name on the renderer main threads (overlapping: FunctionCall contains its layouts). */
function traceTotals(events) {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const names = ['RunTask', 'EvaluateScript', 'v8.compile', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'MajorGC', 'MinorGC', 'ParseHTML'];
  const sums = Object.fromEntries(names.map((n) => [n, 0]));
  let longest = 0;
  for (const e of events) {
    const name = e.name === 'ThreadControllerImpl::RunTask' ? 'RunTask' : e.name;
    if (e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`) || !(name in sums)) continue;
    sums[name] += (e.dur ?? 0) / 1000;
    if (name === 'RunTask') longest = Math.max(longest, (e.dur ?? 0) / 1000);
  }
  const pids = new Set([...mains].map((k) => k.split(':')[0]));
  let raster = 0;
  for (const e of events) if (e.ph === 'X' && e.name === 'TaskGraphRunner::RunTask' && pids.has(String(e.pid))) raster += (e.dur ?? 0) / 1000;
  return `${names.map((n) => `${n} ${Math.round(sums[n])}`).join(', ')}; longest task ${Math.round(longest)}; raster (renderer workers) ${Math.round(raster)}`;
}

/** Runs in the webview: how much of the design's top-level box is inside the viewport, and how much of the view it fills. */
function viewportCoverage() {
  const viewport = document.querySelector('.react-flow__viewport');
  const pane = document.querySelector('.react-flow__renderer');
  if (!viewport || !pane) return undefined;
  const match = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(viewport.style.transform);
  if (!match) return undefined;
  const [tx, ty, zoom] = match.slice(1).map(Number);
  // The design bounds come from the nodes' own stored positions and sizes (top-level nodes carry absolute positions).
  const nodes = [...document.querySelectorAll('.react-flow__node')];
  const design = window.__ppvnetPerf?.lastDocumentMessage?.state?.design;
  if (!design) return undefined;
  const boxes = design.elements.filter((e) => e.position && !e.parent).map((e) => ({ x: e.position.x, y: e.position.y, w: e.size?.width ?? 200, h: e.size?.height ?? 70 }));
  const x0 = Math.min(...boxes.map((b) => b.x)); const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.w)); const y1 = Math.max(...boxes.map((b) => b.y + b.h));
  const { width, height } = pane.getBoundingClientRect();
  // Design bounds on screen (pane coordinates).
  const sx0 = x0 * zoom + tx; const sy0 = y0 * zoom + ty; const sx1 = x1 * zoom + tx; const sy1 = y1 * zoom + ty;
  const ix = Math.max(0, Math.min(sx1, width) - Math.max(sx0, 0)); const iy = Math.max(0, Math.min(sy1, height) - Math.max(sy0, 0));
  const inter = ix * iy;
  // A fitted design spans the view in one direction (the other follows its aspect ratio).
  const span = Math.max((sx1 - sx0) / width, (sy1 - sy0) / height);
  return { zoom, bounds: `${x0},${y0}…${x1},${y1} (${nodes.length} nodes in the DOM)`, inside: inter / ((sx1 - sx0) * (sy1 - sy0)), span };
}
