// Mouse and keyboard gestures on the designer canvas in a real VS Code (palette drops, handle-to-handle
// connections, opening a design from the explorer) and waits that say why a gesture did nothing.
import assert from 'node:assert/strict';
import { runCommand, webview } from './lib.mjs';

export async function nodeIds(page) {
  return webview(page, '.react-flow__node').evaluateAll((ns) => ns.map((n) => n.dataset.id));
}

export async function edgeCount(page) {
  return webview(page, '.react-flow__edge').count();
}

export async function statusText(page) {
  return webview(page, '[data-testid="status"]').innerText({ timeout: 2_000 }).catch(() => '?');
}

/**
 * Polls `fn` until it returns something truthy; on timeout fails with `message` and the designer's status
 * line, which usually says why a gesture did nothing.
 */
export async function waitFor(page, fn, message, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) assert.fail(`${message} (designer status: "${await statusText(page)}")`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Drags a palette item onto `target` with the mouse; resolves with the id of the element it created. */
export async function dragFromPalette(page, key, target, targetPosition) {
  const before = new Set(await nodeIds(page));
  await webview(page, `[data-testid="palette-${key}"]`).dragTo(target, { targetPosition });
  return waitFor(page, async () => (await nodeIds(page)).find((id) => !before.has(id)), `dropping palette-${key} created no node`);
}

/** Focuses a palette item and presses Enter; resolves with the id of the element it created. */
export async function addFromPaletteWithKeyboard(page, key) {
  const before = new Set(await nodeIds(page));
  await webview(page, `[data-testid="palette-${key}"]`).focus();
  await page.keyboard.press('Enter');
  return waitFor(page, async () => (await nodeIds(page)).find((id) => !before.has(id)), `Enter on palette-${key} added nothing`);
}

export async function center(locator) {
  const b = await locator.boundingBox();
  assert.ok(b, 'element has no box');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Mouse-drag from one node's source handle to another node's target handle. */
export async function connect(page, fromId, toId) {
  const from = await center(webview(page, `.react-flow__node[data-id="${fromId}"] .react-flow__handle.source`));
  const to = await center(webview(page, `.react-flow__node[data-id="${toId}"] .react-flow__handle.target`));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

/**
 * Opens a file from the explorer (its default editor is the designer; quick open lags on a busy server).
 * Clicked before the workbench knows our editor contribution, the file opens as text: then reopen it with
 * the extension's own "Open in Designer" command.
 */
export async function openFromExplorer(page, fileName) {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first().click();
  const canvas = webview(page, '[data-testid="canvas"]');
  try {
    await canvas.waitFor({ timeout: 15_000 });
  } catch {
    await runCommand(page, 'Power Platform VNet: Open in Designer');
    await canvas.waitFor({ timeout: 60_000 });
  }
}

/** Waits until the editor tab shows (or stops showing) VS Code's dirty marker. */
export async function assertDirty(page, tab, dirty, message) {
  await waitFor(page, async () => /\bdirty\b/.test((await tab.getAttribute('class')) ?? '') === dirty, message, 10_000);
}

/** The frame (webview inner iframe) that holds the canvas, for page-side measurements. */
export async function findCanvasFrame(page) {
  for (const f of page.frames()) {
    try {
      if (await f.evaluate(() => !!document.querySelector('[data-testid="canvas"]'))) return f;
    } catch { /* detached or cross-origin frame not ready */ }
  }
  return undefined;
}
