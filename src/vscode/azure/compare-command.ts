// `ppvnet.compareWithAzure`: reads the live topology of the subscriptions and resource groups the open
// design names (or asks), compares, and shows the drift as diagnostics on the design file and as a list.
// Read-only towards Azure; the design file is not changed.
import * as vscode from 'vscode';
import { compareDesigns, type DriftItem } from '../../core/azure/drift';
import { loadDesign, type DesignIndex } from '../../core/model/load-design';
import type { Design } from '../../core/model/schema';
import { azureConnection } from './azure-connection';
import { pickScopes } from './azure-pickers';
import { driftDiagnostics, driftMarkdown, driftRange } from './drift-report';
import { readLiveDesign, AzureImportError, type ImportScope } from '../../node/azure/import-design';
import type { GroupOutcome } from '../../node/azure/arm-reader';
import { targetDesignUri, type OpenDesigners } from '../shared/design-target';

export interface CompareArgs {
  readonly uri?: vscode.Uri;
  readonly scopes?: ImportScope[];
  /** Skip the list QuickPick (tests). */
  readonly quiet?: boolean;
}

export interface CompareResult {
  readonly uri: vscode.Uri;
  readonly drift: readonly DriftItem[];
  readonly groups: readonly GroupOutcome[];
}


/** The subscriptions and resource groups the design's elements name; undefined when they name none. */
export function scopesOfDesign(design: Design): ImportScope[] | undefined {
  const bySub = new Map<string, Set<string>>();
  for (const e of design.elements) {
    if (!('subscriptionId' in e) || !e.subscriptionId || !('resourceGroup' in e) || !e.resourceGroup) continue;
    const set = bySub.get(e.subscriptionId) ?? new Set<string>();
    set.add(e.resourceGroup);
    bySub.set(e.subscriptionId, set);
  }
  if (bySub.size === 0) return undefined;
  return [...bySub].map(([subscriptionId, groups]) => ({ subscriptionId, resourceGroups: [...groups].sort() }));
}

export async function compareWithAzureCommand(
  diagnostics: vscode.DiagnosticCollection,
  log: vscode.LogOutputChannel,
  designers: OpenDesigners,
  args?: CompareArgs,
): Promise<CompareResult | undefined> {
  const uri = targetDesignUri(args?.uri, designers);
  if (!uri) {
    void vscode.window.showErrorMessage('Open a *.ppvnet.json design first, then compare it with Azure.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const loaded = loadDesign(document.getText());
  if (!loaded.ok) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} does not load (${loaded.errors[0]?.message ?? 'invalid'}); fix it before comparing.`);
    return undefined;
  }
  const scopes = args?.scopes ?? scopesOfDesign(loaded.design) ?? await pickScopes(azureConnection());
  if (!scopes || scopes.length === 0) return undefined;

  const live = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Reading Azure for comparison', cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await readLiveDesign(azureConnection(abort.signal), { scopes, onProgress: (message) => progress.report({ message }) });
      } catch (e) {
        if (abort.signal.aborted) return undefined;
        throw e;
      } finally {
        sub.dispose();
      }
    },
  ).then(undefined, (e: unknown) => {
    const message = e instanceof AzureImportError ? e.message : `Reading Azure failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    log.error(message);
    void vscode.window.showErrorMessage(message.split('\n')[0]!, 'Show details').then((b) => b && log.show());
    return undefined;
  });
  if (!live) return undefined;

  const drift = compareDesigns(loaded.design, live.design);
  diagnostics.set(uri, driftDiagnostics(drift, loaded.index));
  log.info(driftMarkdown(loaded.design.name, drift, live.groups));
  const failed = live.groups.filter((g) => !g.ok);
  const summary = `${drift.length === 0 ? 'No drift' : `${drift.length} difference(s)`} between ${loaded.design.name} and Azure`
    + (failed.length > 0 ? `; ${failed.length} resource group(s) could not be read (${failed.map((g) => g.resourceGroup).join(', ')})` : '') + '.';
  if (!args?.quiet) void showDriftList(uri, drift, loaded.index, summary);
  return { uri, drift, groups: live.groups };
}

async function showDriftList(uri: vscode.Uri, drift: readonly DriftItem[], index: DesignIndex, summary: string): Promise<void> {
  if (drift.length === 0) {
    void vscode.window.showInformationMessage(summary);
    return;
  }
  const choice = await vscode.window.showInformationMessage(summary, 'Show list');
  if (choice !== 'Show list') return;
  const picked = await vscode.window.showQuickPick(
    drift.map((item) => ({ label: `$(${item.kind === 'missing' ? 'remove' : item.kind === 'extra' ? 'add' : 'diff'}) ${item.kind}`, detail: item.message, item })),
    { title: summary, matchOnDetail: true },
  );
  if (!picked) return;
  const r = driftRange(picked.item, index);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) });
}
