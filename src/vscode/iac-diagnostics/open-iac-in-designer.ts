// `ppvnet.openIacInDesigner`: imports the topology of a Bicep file (with its modules) or a Terraform folder
// into `<name>.ppvnet.json` beside it, laid out automatically, and opens it in the designer. An existing
// design is only replaced after the user confirms.
import path from 'node:path';
import * as vscode from 'vscode';
import { serializeDesign } from '../../core/model/serialize-design';
import { importIac, importTarget } from '../../node/iac/import-iac';
import { VIEW_TYPE } from '../shared/ids';

/** The open documents' text, so unsaved edits are imported as the editor shows them. */
function openTexts(): (abs: string) => string | undefined {
  const open = new Map(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => [path.normalize(d.uri.fsPath), d.getText()]));
  return (abs) => open.get(path.normalize(abs));
}

export async function openIacInDesigner(arg?: unknown): Promise<vscode.Uri | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  const target = uri?.scheme === 'file' ? importTarget(uri.fsPath) : undefined;
  if (!uri || !target) {
    void vscode.window.showWarningMessage('Open a Bicep (.bicep) or Terraform (.tf) file to import its topology into the designer.');
    return undefined;
  }
  const designUri = vscode.Uri.file(target.design);
  let exists = false;
  try {
    await vscode.workspace.fs.stat(designUri);
    exists = true;
  } catch {
    // a new file
  }
  if (exists) {
    const replace = 'Replace';
    const answer = await vscode.window.showWarningMessage(`${path.basename(target.design)} already exists. Replace it with the topology imported from ${path.basename(target.source)}?`, { modal: true }, replace);
    if (answer !== replace) return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const { design } = await importIac(target, openTexts(), folder?.uri.fsPath);
  if (design.elements.length === 0) {
    void vscode.window.showWarningMessage(`No Power Platform network resources were found in ${path.basename(target.source)}.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(designUri, new TextEncoder().encode(serializeDesign(design)));
  await vscode.commands.executeCommand('vscode.openWith', designUri, VIEW_TYPE);
  return designUri;
}
