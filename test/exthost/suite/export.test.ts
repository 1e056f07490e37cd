// Extension-host suite: Export to Bicep / Terraform in the real VS Code writes the same bytes the core
// exporter produces into the configured folder inside the workspace, and refuses folders outside it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exportDesign } from '../../../src/core/export/export-design';
import { headerState } from '../../../src/core/export/file-header';
import { loadDesign } from '../../../src/core/model/load-design';
import type { ExportCommandResult } from '../../../src/vscode/export/activate-export';
import { waitFor } from '../wait-for';

const EXTENSION_ID = 'ppvnet.ppvnet-designer';

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the tests need a workspace folder');
  return f.uri;
}

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}


async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

suite('export', () => {
  let design: vscode.Uri;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    await ext.activate();
    const [seed] = await vscode.workspace.findFiles('seed.ppvnet.json', undefined, 1);
    assert.ok(seed, 'the test workspace must contain seed.ppvnet.json');
    design = vscode.Uri.joinPath(folder(), 'export-seed.ppvnet.json');
    await vscode.workspace.fs.copy(seed, design, { overwrite: true });
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('ppvnet').update('export.outputFolder', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [design, vscode.Uri.joinPath(folder(), 'infra')]) {
      if (await exists(uri)) await vscode.workspace.fs.delete(uri, { recursive: true });
    }
  });

  test('the export commands are registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    assert.ok(all.has('ppvnet.exportBicep'));
    assert.ok(all.has('ppvnet.exportTerraform'));
  });

  test('ppvnet.exportBicep writes the core exporter\'s files into infra/<design>/bicep and opens main.bicep', async () => {
    const result = await vscode.commands.executeCommand<ExportCommandResult>('ppvnet.exportBicep', design);
    assert.ok(result?.ok, `export failed: ${JSON.stringify(result)}`);
    const loaded = loadDesign(await read(design));
    assert.ok(loaded.ok);
    const expected = exportDesign(loaded.design, 'bicep', { designFile: 'export-seed.ppvnet.json' });
    const out = vscode.Uri.joinPath(folder(), 'infra', 'export-seed', 'bicep');
    assert.equal(result.outDir, out.fsPath);
    assert.equal(result.written.length, expected.length);
    for (const f of expected) {
      const text = await read(vscode.Uri.joinPath(out, f.path));
      assert.equal(text, f.content, `${f.path} differs from the core export`);
      assert.equal(headerState(text), 'generated');
    }
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, vscode.Uri.joinPath(out, 'main.bicep').fsPath);
    assert.match(await read(vscode.Uri.joinPath(out, 'main.bicep')), /virtualNetworks: \[\n\s+\{\n\s+id: vnetWeu\.id/);
  });

  test('exporting again changes nothing', async () => {
    const result = await vscode.commands.executeCommand<ExportCommandResult>('ppvnet.exportBicep', design);
    assert.ok(result?.ok);
    assert.deepEqual(result.written, []);
    const loaded = loadDesign(await read(design));
    assert.ok(loaded.ok);
    assert.equal(result.unchanged, exportDesign(loaded.design, 'bicep', { designFile: 'export-seed.ppvnet.json' }).length);
  });

  test('a rule turned off in ppvnet.config.json neither shows in the Problems panel nor blocks export', async () => {
    // A subnet outside its VNet: AZ-04, and PPV-024 for the traffic that subnet's NSG then denies, both errors.
    const broken = vscode.Uri.joinPath(folder(), 'export-broken.ppvnet.json');
    const config = vscode.Uri.joinPath(folder(), 'ppvnet.config.json');
    const text = (await read(design)).replace('"addressPrefix": "10.10.1.0/24"', '"addressPrefix": "10.99.1.0/24"');
    assert.ok(text.includes('10.99.1.0/24'), 'the seed changed: pick another subnet to move');
    await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode(text));
    const errorsOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code));
    try {
      await vscode.window.showTextDocument(broken, { preview: false });
      await waitFor('AZ-04 in the Problems panel', () => errorsOf(broken).includes('AZ-04'));
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "rules": { "AZ-04": "off", "PPV-024": "off" } }\n'));
      await waitFor('no error left in the Problems panel', () => errorsOf(broken).length === 0);
      // With an error left, export would ask first (a modal nobody answers here); with none it writes at once.
      const result = await vscode.commands.executeCommand<ExportCommandResult>('ppvnet.exportBicep', broken);
      assert.ok(result?.ok, `export failed: ${JSON.stringify(result)}`);
      assert.ok(await exists(vscode.Uri.joinPath(folder(), 'infra', 'export-broken', 'bicep', 'main.bicep')));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const uri of [broken, config]) if (await exists(uri)) await vscode.workspace.fs.delete(uri);
    }
  });

  test('ppvnet.exportTerraform without an argument exports the design in the active text editor', async () => {
    await vscode.window.showTextDocument(design, { preview: false });
    const result = await vscode.commands.executeCommand<ExportCommandResult>('ppvnet.exportTerraform');
    assert.ok(result?.ok, `export failed: ${JSON.stringify(result)}`);
    const out = vscode.Uri.joinPath(folder(), 'infra', 'export-seed', 'terraform');
    for (const f of ['main.tf', 'providers.tf', 'variables.tf', 'outputs.tf']) assert.ok(await exists(vscode.Uri.joinPath(out, f)), `${f} missing`);
  });

  test('an output folder outside the workspace is refused and nothing is written there', async () => {
    await vscode.workspace.getConfiguration('ppvnet').update('export.outputFolder', '../ppvnet-escape/${format}', vscode.ConfigurationTarget.Workspace);
    const result = await vscode.commands.executeCommand<ExportCommandResult>('ppvnet.exportBicep', design);
    assert.ok(result && !result.ok, 'the export was not refused');
    assert.equal(result.reason, 'outsideWorkspace');
    assert.equal(await exists(vscode.Uri.joinPath(folder(), '..', 'ppvnet-escape')), false);
  });
});
