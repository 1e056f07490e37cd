// Registers Import from Azure and Compare with Azure, their output channel and the drift diagnostics.
import * as vscode from 'vscode';
import { compareWithAzureCommand, type CompareArgs } from './compare-command';
import { DRIFT_SOURCE } from './drift-report';
import { importFromAzureCommand, type ImportArgs } from './import-command';
import { registerCommands } from '../shared/command-registry';
import type { OpenDesigners } from '../shared/design-target';
import { COMMANDS } from '../shared/ids';

export function activateAzure(_context: vscode.ExtensionContext, { designers }: { readonly designers: OpenDesigners }): vscode.Disposable[] {
  const log = vscode.window.createOutputChannel('Power Platform VNet: Azure', { log: true });
  const drift = vscode.languages.createDiagnosticCollection(DRIFT_SOURCE);
  return [
    log,
    drift,
    // Menus pass the clicked resource; only scripted callers pass arguments objects.
    ...registerCommands({
      [COMMANDS.importFromAzure]: (args?: ImportArgs | vscode.Uri) => importFromAzureCommand(log, args instanceof vscode.Uri ? undefined : args),
      [COMMANDS.compareWithAzure]: (args?: CompareArgs | vscode.Uri) => compareWithAzureCommand(drift, log, designers, args instanceof vscode.Uri ? { uri: args } : args),
    }),
    // Drift ranges go stale with the first edit; the user compares again.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && drift.has(e.document.uri)) drift.delete(e.document.uri);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => drift.delete(d.uri)),
  ];
}
