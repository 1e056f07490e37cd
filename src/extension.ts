// Composition root of the extension host: each feature registers itself and returns its disposables.
// Nothing else happens at activation, so opening VS Code stays cheap.
import type * as vscode from 'vscode';
import { activateAzure } from './vscode/azure/activate-azure';
import { activateIacDiagnostics } from './vscode/iac-diagnostics/activate-diagnostics';
import { activateDesigner, designerTestHook, type DesignerTestHook } from './vscode/designer/activate-designer';
import { activateExport } from './vscode/export/activate-export';
import { activateWalkthrough } from './vscode/walkthrough/activate-walkthrough';

/** The extension's exports: only a hook for the extension-host test suites. */
export interface PpvnetExtensionApi {
  readonly testing: { readonly designer: DesignerTestHook | undefined };
}

export function activate(context: vscode.ExtensionContext): PpvnetExtensionApi {
  for (const feature of [activateDesigner, activateExport, activateIacDiagnostics, activateAzure, activateWalkthrough]) {
    context.subscriptions.push(...feature(context));
  }
  return { testing: { designer: designerTestHook() } };
}

export function deactivate(): void {
  // Every resource is owned by context.subscriptions, which VS Code disposes.
}
