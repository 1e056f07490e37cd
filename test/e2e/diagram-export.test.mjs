// e2e: "New Design" from the palette opens the designer; "Export Diagram as SVG/PNG" write pictures next to the design.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freshWorkspace, openWorkbench, runCommand, screenshot, webview, withBrowser } from './lib.mjs';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function waitForFile(path, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) assert.fail(`${what}: ${path} was never written`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // The file appears before the last bytes land on a slow machine; let the writer finish.
  await new Promise((r) => setTimeout(r, 300));
  return readFile(path);
}

/** Accepts the save dialog (code-server's simple file dialog) after checking the suggested name. */
async function acceptSaveDialog(page, expectedName) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  const deadline = Date.now() + 15_000;
  while (!(await input.inputValue()).endsWith(expectedName)) {
    if (Date.now() > deadline) assert.fail(`save dialog suggests "${await input.inputValue()}", not …/${expectedName}`);
    await page.waitForTimeout(200);
  }
  await page.keyboard.press('Enter');
}

test('New Design from the palette opens the designer; diagrams export as SVG and PNG next to it', async (t) => {
  await withBrowser(t, async ({ page, webviewErrors }) => {
    const folder = await freshWorkspace('e2e-workspace');
    await openWorkbench(page, folder, 'seed.ppvnet.json');

    await runCommand(page, 'Power Platform VNet: New Design');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Reference architecture' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    const name = page.locator('.quick-input-widget input');
    // The template pick closes and the file-name box opens with the template's suggested name.
    const deadline = Date.now() + 30_000;
    while ((await name.inputValue().catch(() => '')) !== 'case-management') {
      if (Date.now() > deadline) assert.fail('the file-name box never appeared after picking a template');
      await page.waitForTimeout(200);
    }
    await name.fill('from-palette');
    await page.keyboard.press('Enter');

    const designText = (await waitForFile(join(folder, 'from-palette.ppvnet.json'), 'New Design')).toString('utf8');
    const design = JSON.parse(designText);
    assert.equal(design.name, 'from-palette');
    await webview(page, '.react-flow__node').first().waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('.editor-instance .monaco-editor').count(), 0, 'the new design opened as text, not in the designer');
    await page.waitForTimeout(1_000);
    t.diagnostic(`screenshot: ${await screenshot(page, 'diagram-export-new-design')}`);

    await runCommand(page, 'Power Platform VNet: Export Diagram as SVG');
    await acceptSaveDialog(page, 'from-palette.svg');
    const svg = (await waitForFile(join(folder, 'from-palette.svg'), 'SVG export')).toString('utf8');
    assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const e of design.elements) assert.ok(svg.includes(`data-id="${e.id}"`), `the SVG does not draw ${e.id}`);
    assert.doesNotMatch(svg, /<script|<image|<foreignObject/);

    await runCommand(page, 'Power Platform VNet: Export Diagram as PNG');
    await acceptSaveDialog(page, 'from-palette.png');
    const png = await waitForFile(join(folder, 'from-palette.png'), 'PNG export');
    assert.ok(png.subarray(0, 8).equals(PNG_SIGNATURE), 'the PNG file does not start with the PNG signature');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    t.diagnostic(`PNG ${width}×${height}, ${png.length} bytes; SVG ${svg.length} chars`);
    assert.ok(width >= 400 && height >= 200, `PNG is only ${width}×${height}`);
    // One picture: the PNG is the host's SVG rasterised at twice its size, not a second drawing.
    const [, svgWidth, svgHeight] = svg.match(/<svg [^>]*?width="([\d.]+)" height="([\d.]+)"/).map(Number);
    assert.deepEqual([width, height], [Math.round(svgWidth * 2), Math.round(svgHeight * 2)], `PNG ${width}×${height} is not the SVG's ${svgWidth}×${svgHeight} at 2×`);
    t.diagnostic(`screenshot: ${await screenshot(page, 'diagram-export-done')}`);

    // The designer page must run under its CSP without style violations (script probes by libraries are caught by them).
    assert.deepEqual(webviewErrors.filter((e) => /style-src|Applying inline style/.test(e)), []);
  });
});
