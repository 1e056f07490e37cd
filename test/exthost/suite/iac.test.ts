// Extension-host suite: Bicep and Terraform files get ppvnet diagnostics on open (rule ids as codes linked
// to the rule docs), unsaved edits re-validate, the delegation quick fix works, and the import command
// writes a design next to the Bicep file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../wait-for';

const EXTENSION_ID = 'ppvnet.ppvnet-designer';


function ruleIds(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ppvnet' && typeof d.code === 'object').map((d) => String((d.code as { value: string }).value)).sort();
}

suite('IaC diagnostics', () => {
  let root: vscode.Uri;
  let fixtures: vscode.Uri;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    fixtures = vscode.Uri.joinPath(ext.extensionUri, 'test', 'fixtures', 'iac');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite needs a workspace folder');
    root = vscode.Uri.joinPath(folder.uri, 'iac-exthost');
    for (const rel of ['terraform-problems/main.tf', 'bicep-problems/main.bicep']) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, rel), await vscode.workspace.fs.readFile(vscode.Uri.joinPath(fixtures, rel)));
    }
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(root, { recursive: true, useTrash: false });
  });

  test('a Terraform folder with known problems shows them on open, linked to the rule docs', async () => {
    const uri = vscode.Uri.joinPath(root, 'terraform-problems/main.tf');
    await vscode.window.showTextDocument(uri);
    const ids = await waitFor('PPV diagnostics on main.tf', () => {
      const found = ruleIds(uri);
      return found.includes('PPV-003') && found.includes('PPV-014') ? found : undefined;
    });
    for (const id of ['PPV-001', 'PPV-003', 'PPV-006', 'PPV-008', 'PPV-011', 'PPV-014', 'PPV-015', 'PPV-016', 'AZ-08']) assert.ok(ids.includes(id), `${id} missing in ${ids.join(', ')}`);
    const d = vscode.languages.getDiagnostics(uri).find((x) => typeof x.code === 'object' && x.code.value === 'PPV-003')!;
    assert.match(String((d.code as { target: vscode.Uri }).target.path), /docs\/rules\/PPV-003\.md$/);
  });

  test('an unsaved edit re-validates, and the delegation quick fix removes PPV-008', async () => {
    const uri = vscode.Uri.joinPath(root, 'bicep-problems/main.bicep');
    const editor = await vscode.window.showTextDocument(uri);
    await waitFor('PPV-008 on main.bicep', () => (ruleIds(uri).includes('PPV-008') ? true : undefined));
    const diag = vscode.languages.getDiagnostics(uri).find((x) => typeof x.code === 'object' && x.code.value === 'PPV-008' && !x.message.includes('snet-missing'))!;
    assert.ok(diag, 'no PPV-008 for the undelegated subnet');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('Delegate this subnet'));
    assert.ok(fix?.edit, `no delegation fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(editor.document.isDirty, 'the fix should edit the open (unsaved) document');
    await waitFor('PPV-008 for snet-pp to go away', () => {
      const left = vscode.languages.getDiagnostics(uri).filter((x) => typeof x.code === 'object' && x.code.value === 'PPV-008');
      return left.every((x) => x.message.includes('snet-missing')) ? true : undefined;
    });
  });

  test('Open in Designer imports the Bicep topology into <name>.ppvnet.json beside it', async () => {
    const uri = vscode.Uri.joinPath(root, 'bicep-problems/main.bicep');
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('ppvnet.openIacInDesigner', uri);
    assert.ok(created, 'the command returned no design');
    assert.match(created.path, /bicep-problems\/main\.ppvnet\.json$/);
    const design = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(created))) as { elements: { id: string; kind: string; position?: unknown }[] };
    assert.deepEqual(design.elements.map((e) => e.kind).sort(), ['enterprisePolicy', 'subnet', 'vnet']);
    assert.ok(design.elements.every((e) => e.position), 'every imported element is placed');
  });
});
