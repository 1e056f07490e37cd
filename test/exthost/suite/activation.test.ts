// Extension-host suite: the installed extension activates, registers its commands and opens designs in the custom editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../wait-for';

const EXTENSION_ID = 'ppvnet.ppvnet-designer';
const VIEW_TYPE = 'ppvnet.designer';


async function seedUri(): Promise<vscode.Uri> {
  const found = await vscode.workspace.findFiles('**/seed.ppvnet.json', '**/node_modules/**', 1);
  const [uri] = found;
  assert.ok(uri, 'the test workspace must contain seed.ppvnet.json');
  return uri;
}

suite('activation', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the extension is installed and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not known to the extension host`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  test('its commands are registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const id of ['ppvnet.newDesign', 'ppvnet.openAsText', 'ppvnet.openInDesigner']) {
      assert.ok(all.has(id), `command ${id} is not registered`);
    }
  });

  test('seed.ppvnet.json opens in the designer custom editor', async () => {
    const uri = await seedUri();
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    const input = await waitFor('a custom-editor tab for seed.ppvnet.json', () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      return tab?.input instanceof vscode.TabInputCustom && tab.input.uri.toString() === uri.toString()
        ? tab.input
        : undefined;
    });
    assert.equal(input.viewType, VIEW_TYPE);
  });
});
