// QuickPicks for choosing what to read from Azure: subscriptions, then resource groups (many of each).
import * as vscode from 'vscode';
import { listResourceGroups, listSubscriptions, type ArmConnection } from '../../node/azure/arm-reader';
import type { ImportScope } from '../../node/azure/import-design';

async function withSpinner<T>(title: string, task: () => Promise<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task);
}

/** Asks for subscriptions and resource groups; undefined when the user cancels. */
export async function pickScopes(connection: ArmConnection): Promise<ImportScope[] | undefined> {
  const subscriptions = await withSpinner('Listing Azure subscriptions…', () => listSubscriptions(connection));
  if (subscriptions.length === 0) {
    void vscode.window.showErrorMessage('The signed-in account sees no Azure subscriptions.');
    return undefined;
  }
  const subItems = subscriptions.map((s) => ({ label: s.displayName, description: s.subscriptionId, picked: subscriptions.length === 1, subscriptionId: s.subscriptionId }));
  const chosen = subItems.length === 1
    ? subItems
    : await vscode.window.showQuickPick(subItems, { canPickMany: true, title: 'Subscriptions to read', placeHolder: 'Pick one or more subscriptions', ignoreFocusOut: true });
  if (!chosen || chosen.length === 0) return undefined;

  const groupItems: Array<vscode.QuickPickItem & { subscriptionId: string; resourceGroup: string }> = [];
  await withSpinner('Listing resource groups…', async () => {
    for (const sub of chosen) {
      for (const rg of await listResourceGroups(connection, sub.subscriptionId)) {
        groupItems.push({ label: rg, description: chosen.length > 1 ? sub.label : undefined, picked: true, subscriptionId: sub.subscriptionId, resourceGroup: rg });
      }
    }
  });
  if (groupItems.length === 0) {
    void vscode.window.showErrorMessage('The chosen subscriptions have no resource groups.');
    return undefined;
  }
  const groups = await vscode.window.showQuickPick(groupItems, {
    canPickMany: true, title: 'Resource groups to read', placeHolder: 'Untick the groups to leave out', ignoreFocusOut: true,
  });
  if (!groups || groups.length === 0) return undefined;
  return chosen
    .map((sub) => ({ subscriptionId: sub.subscriptionId, resourceGroups: groups.filter((g) => g.subscriptionId === sub.subscriptionId).map((g) => g.resourceGroup) }))
    .filter((s) => s.resourceGroups.length > 0);
}
