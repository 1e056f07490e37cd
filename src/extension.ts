// Composition root of the extension host: each feature registers itself and returns its disposables.
// Nothing else happens at activation, so opening VS Code stays cheap.
import type * as vscode from 'vscode';
import { activateAzure } from './azure/activate-azure';
import { activateIacDiagnostics } from './diagnostics/activate-diagnostics';
import { activateDesigner, designerTestHook, type DesignerTestHook } from './editor/activate-designer';
import { activateExport } from './export/activate-export';

/** The extension's exports: only a hook for the extension-host test suites. */
export interface PpvnetExtensionApi {
  readonly testing: { readonly designer: DesignerTestHook | undefined };
}

export function activate(context: vscode.ExtensionContext): PpvnetExtensionApi {
  for (const feature of [activateDesigner, activateExport, activateIacDiagnostics, activateAzure]) {
    context.subscriptions.push(...feature(context));
  }
  return { testing: { designer: designerTestHook() } };
}

export function deactivate(): void {
  // Every resource is owned by context.subscriptions, which VS Code disposes.
}
