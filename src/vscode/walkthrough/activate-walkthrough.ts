// The getting-started walkthrough: its two sample commands (which write into ppvnet-tour/ and never replace a
// file that is already there), the context key that ticks "fix the planted problem", and the first-run open.
import * as vscode from 'vscode';
import { uriExists as exists } from '../shared/uri-exists';
import { serializeDesign } from '../../core/model/serialize-design';
import {
  TOUR_DESIGN_FAULT, TOUR_DESIGN_FILE, TOUR_FOLDER, TOUR_TERRAFORM_FAULT, TOUR_TERRAFORM_FOLDER, tourDesign, tourTerraformFiles,
} from '../../core/templates/tour';
import { registerCommands } from '../shared/command-registry';
import { COMMANDS, VIEW_TYPE } from '../shared/ids';

export const WALKTHROUGH_ID = 'ppvnet.gettingStarted';
const SHOWN_KEY = 'ppvnet.walkthrough.shown';
/** Set while the tour design is open and its planted problem is gone; the walkthrough step completes on it. */
const FIXED_CONTEXT = 'ppvnet.tour.problemFixed';

export function activateWalkthrough(context: vscode.ExtensionContext): vscode.Disposable[] {
  void openOnFirstActivation(context);
  return [
    ...registerCommands({ [COMMANDS.tourOpenReference]: openReference, [COMMANDS.tourOpenTerraform]: openTerraform }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const design = tourUri(TOUR_DESIGN_FILE);
      if (design && e.uris.some((u) => u.toString() === design.toString())) void updateFixedContext(design);
    }),
  ];
}

/**
 * Once per installation, unless turned off by our setting or by VS Code's own "open walkthroughs on install".
 * Ours exists because a remote extension host (code-server, Codespaces) does not see that application-scoped
 * workbench setting: it reads as its default there, so honouring it alone cannot keep the page away.
 */
async function openOnFirstActivation(context: vscode.ExtensionContext): Promise<void> {
  if (context.globalState.get<boolean>(SHOWN_KEY)) return;
  if (!vscode.workspace.getConfiguration('ppvnet.walkthrough').get<boolean>('openOnFirstActivation', true)) return;
  if (!vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall', true)) return;
  await context.globalState.update(SHOWN_KEY, true);
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false);
}

function tourUri(...segments: string[]): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, TOUR_FOLDER, ...segments) : undefined;
}

function requireTourUri(...segments: string[]): vscode.Uri {
  const uri = tourUri(...segments);
  if (!uri) throw new Error('Open a folder first: the walkthrough writes its samples into ppvnet-tour/ inside it.');
  return uri;
}


/** Writes a sample file only where nothing is yet: a second run reopens what the user already changed. */
async function writeIfAbsent(uri: vscode.Uri, text: string): Promise<void> {
  if (await exists(uri)) return;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function openReference(): Promise<vscode.Uri> {
  const uri = requireTourUri(TOUR_DESIGN_FILE);
  await writeIfAbsent(uri, serializeDesign(tourDesign()));
  await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
  void vscode.window.showInformationMessage(
    `The failover subnet of this design is not delegated to Power Platform (${TOUR_DESIGN_FAULT.rule}): select the problem and apply its quick fix.`,
  );
  return uri;
}

async function openTerraform(): Promise<vscode.Uri> {
  const folder = requireTourUri(TOUR_TERRAFORM_FOLDER);
  for (const file of tourTerraformFiles()) await writeIfAbsent(vscode.Uri.joinPath(folder, ...file.path.split('/')), file.content);
  const main = vscode.Uri.joinPath(folder, 'main.tf');
  await vscode.window.showTextDocument(main);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(
    `The failover subnet in this Terraform is ${TOUR_TERRAFORM_FAULT.addressPrefix}, smaller than its /24 pair (${TOUR_TERRAFORM_FAULT.rule}): see the Problems panel.`,
  );
  return main;
}

async function updateFixedContext(design: vscode.Uri): Promise<void> {
  const planted = vscode.languages.getDiagnostics(design).some((d) => diagnosticRule(d) === TOUR_DESIGN_FAULT.rule);
  await vscode.commands.executeCommand('setContext', FIXED_CONTEXT, !planted && (await exists(design)));
}

function diagnosticRule(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}
