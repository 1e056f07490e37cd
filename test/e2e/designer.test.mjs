// e2e: the designer custom editor renders a design and its edits go through VS Code's real undo/redo/save.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { editorTab, freshWorkspace, openWorkbench, quickOpen, screenshot, webview, withBrowser } from './lib.mjs';

const FILE = 'seed.ppvnet.json';

async function readDesign(folder) {
  return JSON.parse(await readFile(join(folder, FILE), 'utf8'));
}

/** Fresh workspace, workbench up, seed.ppvnet.json opened by Ctrl+P (our custom editor is its default editor). */
async function openSeed(page) {
  const folder = await freshWorkspace('e2e-workspace');
  const design = await readDesign(folder);
  await openWorkbench(page, folder, FILE);
  await quickOpen(page, FILE);
  await webview(page, '[data-testid="canvas"]').waitFor({ timeout: 60_000 });
  await webview(page, '.react-flow__node').first().waitFor({ timeout: 60_000 });
  return { folder, design };
}

test('seed.ppvnet.json opens in the designer with every element on the canvas', async (t) => {
  await withBrowser(t, async ({ page }) => {
    const { design } = await openSeed(page);
    // The tab must be the custom editor, not the JSON text editor that *.json would get otherwise.
    assert.equal(await page.locator('.editor-instance .monaco-editor').count(), 0,
      'seed.ppvnet.json opened in a text editor instead of the designer');

    const expected = design.elements.map((e) => e.id);
    assert.ok(expected.length > 0, 'fixture has no elements');
    for (const id of expected) {
      const node = webview(page, `.react-flow__node[data-id="${id}"]`);
      await node.waitFor({ state: 'visible', timeout: 15_000 })
        .catch(() => assert.fail(`element "${id}" is not on the canvas`));
    }
    const rendered = await webview(page, '.react-flow__node').evaluateAll((ns) => ns.map((n) => n.dataset.id));
    const unknown = rendered.filter((id) => !expected.includes(id));
    assert.deepEqual(unknown, [], 'canvas shows nodes that are not in the design');

    // Let fitView and the edge router settle so the picture shows the finished layout.
    await page.waitForTimeout(1_000);
    const shot = await screenshot(page, 'designer-open');
    t.diagnostic(`screenshot: ${shot}`);
  });
});

test('renaming an element is undone, redone and saved through the workbench', async (t) => {
  await withBrowser(t, async ({ page }) => {
    const { folder, design } = await openSeed(page);
    const target = design.elements.find((e) => e.kind !== 'vnet' && !e.parent) ?? design.elements[0];
    const oldName = target.name;
    const newName = `${oldName}-renamed`;
    const tab = editorTab(page, FILE);
    const nameInput = webview(page, '[data-testid="prop-name"]');
    // What the workbench and the webview showed when a dirty-state check failed, for the failure message.
    const state = async () => `input "${await nameInput.inputValue().catch(() => '?')}", tabs ` +
      JSON.stringify(await page.locator('.tabs-container .tab').evaluateAll((ts) =>
        ts.map((t) => `${t.textContent?.trim()} [${t.className}]`)));

    await webview(page, `.react-flow__node[data-id="${target.id}"]`).click();
    await nameInput.waitFor({ timeout: 15_000 });
    assert.equal(await nameInput.inputValue(), oldName, 'inspector does not show the clicked element');
    assert.doesNotMatch(await tab.getAttribute('class'), /\bdirty\b/, 'document is dirty before any edit');

    await nameInput.fill(newName);
    await nameInput.press('Enter');
    await assertDirty(tab, true, 'the rename did not make the document dirty', state);
    await screenshot(page, 'designer-renamed');

    // Ctrl+Z inside the webview is forwarded to the workbench, whose undo must reach the document.
    await nameInput.press('Control+z');
    await assertValue(nameInput, oldName, 'Ctrl+Z did not revert the name');
    await assertDirty(tab, false, 'after undoing the only edit the document should be clean again', state);

    await nameInput.press('Control+Shift+z');
    await assertValue(nameInput, newName, 'Ctrl+Shift+Z did not redo the rename');
    await assertDirty(tab, true, 'redo did not make the document dirty', state);

    await nameInput.press('Control+z');
    await assertValue(nameInput, oldName, 'second Ctrl+Z did not revert the name');
    await nameInput.press('Control+y');
    await assertValue(nameInput, newName, 'Ctrl+Y did not redo the rename');

    await nameInput.press('Control+s');
    await assertDirty(tab, false, 'Ctrl+S did not save the document', state);

    const saved = (await readDesign(folder)).elements.find((e) => e.id === target.id);
    assert.ok(saved, `element ${target.id} vanished from the saved file`);
    assert.equal(saved.name, newName, 'the file on disk does not carry the new name');
    await screenshot(page, 'designer-saved');
  });
});

async function assertDirty(tab, dirty, message, state) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const isDirty = /\bdirty\b/.test((await tab.getAttribute('class')) ?? '');
    if (isDirty === dirty) return;
    if (Date.now() > deadline) assert.fail(`${message} (${await state()})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function assertValue(input, value, message) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const current = await input.inputValue();
    if (current === value) return;
    if (Date.now() > deadline) assert.fail(`${message} (input shows "${current}", expected "${value}")`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
