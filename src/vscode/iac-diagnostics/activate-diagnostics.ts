// Registers Problems-panel diagnostics and quick fixes on Bicep and Terraform files, and, where the host
// passes it (Node), their import into the designer (command, editor title, code action).
import * as vscode from 'vscode';
import { IacCodeActions } from './iac-code-actions';
import { registerCommands } from '../shared/command-registry';
import { COMMANDS } from '../shared/ids';
import { IacDiagnostics } from './iac-diagnostics';
import type { IacWorkspace } from './iac-workspace';
import type { RulesConfigStore } from '../shared/rules-config-store';

export type OpenIacInDesigner = (uri?: unknown) => Promise<unknown>;

export function activateIacDiagnostics(context: vscode.ExtensionContext, workspace: IacWorkspace, rules: RulesConfigStore, openInDesigner?: OpenIacInDesigner): vscode.Disposable[] {
  const diagnostics = new IacDiagnostics(context.extensionUri, workspace, rules);
  const selector: vscode.DocumentSelector = [workspace.selector('**/*.bicep'), workspace.selector('**/*.tf')];
  const registrations = [
    diagnostics,
    vscode.languages.registerCodeActionsProvider(selector, new IacCodeActions(diagnostics, openInDesigner !== undefined), { providedCodeActionKinds: IacCodeActions.kinds }),
  ];
  if (openInDesigner) registrations.push(...registerCommands({ [COMMANDS.openIacInDesigner]: (uri?: unknown) => openInDesigner(uri) }));
  return registrations;
}
