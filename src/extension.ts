// Composition root of the Node extension host: the shared features over the disk, plus the Bicep/Terraform
// import into the designer, Azure import/compare and the comparison with a git revision, which need Node.
// Nothing else happens at activation, so opening VS Code stays cheap.
import type * as vscode from 'vscode';
import { activateFeatures, type PpvnetExtensionApi } from './vscode/activate-features';
import { activateAzure } from './vscode/azure/activate-azure';
import { DiskExportDestination } from './vscode/export/disk-export-destination';
import { diskIacWorkspace } from './vscode/iac-diagnostics/disk-iac-workspace';
import { openIacInDesigner } from './vscode/iac-diagnostics/open-iac-in-designer';
import { activateRevisionDiff } from './vscode/revision-diff/activate-revision-diff';

export type { PpvnetExtensionApi } from './vscode/activate-features';

/** The entry's own code runs after every module it imports has been evaluated. */
const bundleEvaluatedAt = Date.now();

export function activate(context: vscode.ExtensionContext): PpvnetExtensionApi {
  return activateFeatures(context, {
    exportDestination: new DiskExportDestination(),
    iac: diskIacWorkspace,
    openIacInDesigner,
    bundleEvaluatedAt,
    hostOnly: [activateAzure, (_context, shared) => activateRevisionDiff(shared)],
  });
}

export function deactivate(): void {
  // Every resource is owned by context.subscriptions, which VS Code disposes.
}
