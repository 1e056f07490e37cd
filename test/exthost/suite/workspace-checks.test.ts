// Extension-host suite: the workspace checks find every design of the workspace, show an overlap between two
// designs on both files with related locations pointing at each other, count unsaved text, and apply the
// address pools of ppvnet.config.json.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../wait-for';

const EXTENSION_ID = 'ppvnet.ppvnet-designer';


const workspaceProblems = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'PPV-WORKSPACE');

suite('Workspace checks', () => {
  let root: vscode.Uri;
  let seed: vscode.Uri;
  let other: vscode.Uri;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite needs a workspace folder');
    seed = vscode.Uri.joinPath(folder.uri, 'seed.ppvnet.json');
    root = vscode.Uri.joinPath(folder.uri, 'workspace-exthost');
    // The seed with its West Europe VNet renamed: another VNet on the seed's 10.10.0.0/16.
    const design = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(seed))) as { elements: { id: string; name: string }[] };
    design.elements.find((e) => e.id === 'vnet-weu')!.name = 'vnet-ws-other';
    other = vscode.Uri.joinPath(root, 'other.ppvnet.json');
    await vscode.workspace.fs.writeFile(other, new TextEncoder().encode(`${JSON.stringify(design, null, 2)}\n`));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(root, { recursive: true, useTrash: false });
  });

  test('an overlap between two designs shows on both, each pointing at the other file', async () => {
    const onOther = await waitFor('the overlap on other.ppvnet.json', () => workspaceProblems(other).find((d) => d.message.includes('in seed.ppvnet.json')));
    assert.match(onOther.message, /VNet "vnet-ws-other" \(10\.10\.0\.0\/16\) in workspace-exthost\/other\.ppvnet\.json/);
    assert.equal(onOther.relatedInformation?.[0]?.location.uri.toString(), seed.toString());
    assert.ok(onOther.range.start.line > 0, 'the problem sits on the VNet, not at the top of the file');
    const onSeed = await waitFor('the overlap mirrored on seed.ppvnet.json', () => workspaceProblems(seed).find((d) => d.message.includes('workspace-exthost/other.ppvnet.json')));
    assert.equal(onSeed.relatedInformation?.[0]?.location.uri.toString(), other.toString());
  });

  test('an unsaved edit that moves the VNet away clears the overlap on both files', async () => {
    const document = await vscode.workspace.openTextDocument(other);
    const at = document.getText().indexOf('"10.10.0.0/16"');
    assert.ok(at > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(other, new vscode.Range(document.positionAt(at), document.positionAt(at + '"10.10.0.0/16"'.length)), '"10.99.0.0/16"');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(document.isDirty);
    const gone = (uri: vscode.Uri) => (workspaceProblems(uri).some((d) => d.message.includes('vnet-ws-other')) ? undefined : true);
    await waitFor('the overlap to go from other.ppvnet.json', () => gone(other));
    await waitFor('the overlap to go from seed.ppvnet.json', () => gone(seed));
    await document.save();
  });

  test('a Terraform folder whose VNet overlaps a design shows on main.tf and on the design, naming both', async () => {
    const tf = vscode.Uri.joinPath(root, 'tf', 'main.tf');
    const vnet = 'resource "azurerm_virtual_network" "landing" {\n  name          = "vnet-tf-landing"\n  location      = "westeurope"\n  address_space = ["10.10.0.0/20"]\n}\n';
    await vscode.workspace.fs.writeFile(tf, new TextEncoder().encode(vnet));
    try {
      const onTf = await waitFor('the overlap on main.tf', () => workspaceProblems(tf).find((d) => d.message.includes('in seed.ppvnet.json')));
      assert.match(onTf.message, /VNet "vnet-tf-landing" \(10\.10\.0\.0\/20\) in workspace-exthost\/tf overlaps VNet "vnet-pp-weu" \(10\.10\.0\.0\/16\) in seed\.ppvnet\.json/);
      assert.equal(onTf.range.start.line, 3, 'the problem sits on address_space');
      assert.equal(onTf.relatedInformation?.[0]?.location.uri.toString(), seed.toString());
      const onSeed = await waitFor('the overlap mirrored on seed.ppvnet.json', () => workspaceProblems(seed).find((d) => d.message.includes('workspace-exthost/tf')));
      assert.equal(onSeed.relatedInformation?.[0]?.location.uri.toString(), tf.toString());
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, 'tf'), { recursive: true, useTrash: false });
    }
    await waitFor('the overlap to go with the folder', () => (workspaceProblems(seed).some((d) => d.message.includes('workspace-exthost/tf')) ? undefined : true));
  });

  test('a VNet outside the address pools of ppvnet.config.json is reported, until the pools change', async () => {
    const config = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'ppvnet.config.json');
    const outside = () => workspaceProblems(other).find((d) => d.message.includes('"vnet-ws-other" (10.99.0.0/16)') && d.message.includes('outside every address pool (europe)'));
    try {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "addressPools": [{ "name": "europe", "ranges": ["10.0.0.0/12"] }] }\n'));
      await waitFor('the pool finding on other.ppvnet.json', outside);
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitFor('the pool finding to go with the configuration', () => (outside() ? undefined : true));
  });

  test('PPV-WORKSPACE takes its level from the rules of ppvnet.config.json, and "off" clears it', async () => {
    const config = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'ppvnet.config.json');
    const write = (text: string) => vscode.workspace.fs.writeFile(config, new TextEncoder().encode(text));
    const pool = '"addressPools": [{ "name": "europe", "ranges": ["10.0.0.0/12"] }]';
    const outside = () => workspaceProblems(other).find((d) => d.message.includes('outside every address pool (europe)'));
    try {
      await write(`{ ${pool}, "rules": { "PPV-WORKSPACE": "error" } }\n`);
      await waitFor('the pool finding as an error', () => (outside()?.severity === vscode.DiagnosticSeverity.Error ? true : undefined));
      // The id is known to the configuration: no "Unknown rule id" on the config file.
      assert.deepEqual(vscode.languages.getDiagnostics(config).map((d) => d.message), []);
      await write(`{ ${pool}, "rules": { "PPV-WORKSPACE": "off" } }\n`);
      await waitFor('the pool finding to be switched off', () => (outside() ? undefined : true));
      assert.deepEqual(workspaceProblems(other), []);
    } finally {
      await vscode.workspace.fs.delete(config);
    }
  });
});
