// `ppvnet.openIacInDesigner`: imports the topology of a Bicep file (with its modules) or a Terraform folder
// into `<name>.ppvnet.json` beside it, laid out automatically, and opens it in the designer. An existing
// design is only replaced after the user confirms.
import path from 'node:path';
import * as vscode from 'vscode';
import type { Design } from '../../core/model/schema';
import { serializeDesign } from '../../core/model/serialize-design';
import { layoutDesign } from '../../node/layout/auto-layout';
import { isIacFile, readBicepFile, readTerraformFolder } from '../../node/iac/iac-files';
import { sharedParsers } from '../../node/iac/tree-sitter-parsers';
import { VIEW_TYPE } from '../shared/ids';

/** Where the imported design goes: beside the Bicep file, or inside the Terraform folder. */
export function importTarget(iacFile: string): { kind: 'bicep' | 'terraform'; source: string; design: string } | undefined {
  const kind = isIacFile(iacFile);
  if (kind === 'bicep') return { kind, source: iacFile, design: path.join(path.dirname(iacFile), `${path.basename(iacFile, '.bicep')}.ppvnet.json`) };
  if (kind === 'terraform') {
    const dir = path.dirname(iacFile);
    return { kind, source: dir, design: path.join(dir, `${path.basename(dir)}.ppvnet.json`) };
  }
  return undefined;
}

/** Reads the IaC behind `iacFile` (unsaved editor text included) into a laid-out design. */
export async function importIac(iacFile: string): Promise<Design | undefined> {
  const target = importTarget(iacFile);
  if (!target) return undefined;
  const parsers = await sharedParsers();
  const open = new Map(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => [path.normalize(d.uri.fsPath), d.getText()]));
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(iacFile));
  const options = { parsers, openText: (abs: string) => open.get(path.normalize(abs)), ...(folder ? { root: folder.uri.fsPath } : {}) };
  const read = target.kind === 'bicep' ? await readBicepFile(target.source, options) : await readTerraformFolder(target.source, options);
  return layoutDesign(read.design);
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
  const design = await importIac(uri.fsPath);
  if (!design) return undefined;
  if (design.elements.length === 0) {
    void vscode.window.showWarningMessage(`No Power Platform network resources were found in ${path.basename(target.source)}.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(designUri, new TextEncoder().encode(serializeDesign(design)));
  await vscode.commands.executeCommand('vscode.openWith', designUri, VIEW_TYPE);
  return designUri;
}
