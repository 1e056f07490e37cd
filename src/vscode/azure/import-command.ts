// `ppvnet.importFromAzure`: sign in, pick subscriptions and resource groups, read them (cancellable),
// save the design where the user says, open it in the designer. Never writes to Azure.
import * as vscode from 'vscode';
import { serializeDesign } from '../../core/model/serialize-design';
import { VIEW_TYPE } from '../shared/ids';
import { describeGroups, importFromAzure, AzureImportError, type ImportScope } from '../../node/azure/import-design';
import { azureConnection } from './azure-connection';
import { pickScopes } from './azure-pickers';
import { sanitiseId } from '../../core/azure/element-ids';

/** Arguments for scripted use (tests, other extensions); without them the command asks. */
export interface ImportArgs {
  readonly scopes?: ImportScope[];
  readonly target?: vscode.Uri;
  readonly name?: string;
}

export async function importFromAzureCommand(log: vscode.LogOutputChannel, args?: ImportArgs): Promise<vscode.Uri | undefined> {
  const scopes = args?.scopes ?? await pickScopes(azureConnection());
  if (!scopes || scopes.length === 0) return undefined;

  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Importing from Azure', cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const subscription = token.onCancellationRequested(() => abort.abort());
      try {
        return await importFromAzure(azureConnection(abort.signal), {
          scopes, ...(args?.name ? { name: args.name } : {}), date: new Date().toISOString().slice(0, 10),
          onProgress: (message) => progress.report({ message }),
        });
      } catch (e) {
        if (abort.signal.aborted) return undefined;
        throw e;
      } finally {
        subscription.dispose();
      }
    },
  ).then(undefined, (e: unknown) => {
    const message = e instanceof AzureImportError ? e.message : `Reading Azure failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    log.error(message);
    void vscode.window.showErrorMessage(message.split('\n')[0]!, 'Show details').then((b) => b && log.show());
    return undefined;
  });
  if (!result) return undefined;

  log.info(`Imported ${result.design.elements.length} elements, ${result.design.relations.length} relations (${result.attempts} HTTP requests)`);
  for (const note of result.notes) log.warn(note);
  const failed = result.groups.filter((g) => !g.ok);
  if (failed.length > 0) {
    log.warn(`Resource groups not read:\n${describeGroups(failed)}`);
    void vscode.window.showWarningMessage(
      `Imported without ${failed.length} resource group(s) that could not be read: ${failed.map((g) => `${g.resourceGroup} (${g.status ?? 'error'})`).join(', ')}.`,
      'Show details',
    ).then((b) => b && log.show());
  }

  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = `${sanitiseId(args?.name ?? 'azure-import')}.ppvnet.json`;
  const target = args?.target ?? await vscode.window.showSaveDialog({
    title: 'Save the imported design',
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
    // A two-part extension here makes the workbench's simple dialog append it again (x.ppvnet.json.ppvnet.json).
    filters: { 'Power Platform VNet design (*.ppvnet.json)': ['json'] },
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(serializeDesign(result.design)));
  await vscode.commands.executeCommand('vscode.openWith', target, VIEW_TYPE);
  return target;
}
