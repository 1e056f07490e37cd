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
});
