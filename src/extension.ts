// Composition root of the extension host: each feature registers itself and returns its disposables.
// Nothing else happens at activation, so opening VS Code stays cheap.
import type * as vscode from 'vscode';
import { activateAzure } from './azure/activate-azure';
import { activateIacDiagnostics } from './diagnostics/activate-diagnostics';
import { activateDesigner } from './editor/activate-designer';
import { activateExport } from './export/activate-export';

export function activate(context: vscode.ExtensionContext): void {
  for (const feature of [activateDesigner, activateExport, activateIacDiagnostics, activateAzure]) {
    context.subscriptions.push(...feature(context));
  }
}

export function deactivate(): void {
  // Every resource is owned by context.subscriptions, which VS Code disposes.
}
