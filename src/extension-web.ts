// Composition root of the web worker extension host (VS Code for the Web): the shared features, reading and
// writing through vscode.workspace.fs. Azure import/compare, the Bicep/Terraform import into the designer and
// the comparison with a git revision need Node: only stand-ins that explain so are registered, and their menu entries are hidden.
import type * as vscode from 'vscode';
import { activateFeatures, type PpvnetExtensionApi } from './vscode/activate-features';
import { WorkspaceFsExportDestination } from './vscode/export/export-destination';
import { WorkspaceFsIac } from './vscode/iac-diagnostics/iac-workspace';
import { activateNodeOnlyCommands } from './vscode/web-host/node-only-commands';

/** The entry's own code runs after every module it imports has been evaluated. */
const bundleEvaluatedAt = Date.now();

export function activate(context: vscode.ExtensionContext): PpvnetExtensionApi {
  // One line that says which host this is: the browser console shows it, and the web-host e2e test checks it.
  console.info(`ppvnet: web extension host (WorkerGlobalScope: ${typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope}, process: ${typeof process})`);
  return activateFeatures(context, {
    exportDestination: new WorkspaceFsExportDestination(),
    iac: new WorkspaceFsIac(context.extensionUri),
    bundleEvaluatedAt,
    hostOnly: [activateNodeOnlyCommands],
  });
}

export function deactivate(): void {
  // Every resource is owned by context.subscriptions, which VS Code disposes.
}
