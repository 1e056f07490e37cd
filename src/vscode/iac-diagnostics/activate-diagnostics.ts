// Registers Problems-panel diagnostics and quick fixes on Bicep and Terraform files, and their import into
// the designer (command, editor title, code action).
import * as vscode from 'vscode';
import { IacCodeActions, OPEN_IAC_COMMAND } from './iac-code-actions';
import { IacDiagnostics } from './iac-diagnostics';
import { openIacInDesigner } from './open-iac-in-designer';

export function activateIacDiagnostics(context: vscode.ExtensionContext): vscode.Disposable[] {
  const diagnostics = new IacDiagnostics(context.extensionUri);
  const selector: vscode.DocumentSelector = [{ scheme: 'file', pattern: '**/*.bicep' }, { scheme: 'file', pattern: '**/*.tf' }];
  return [
    diagnostics,
    vscode.languages.registerCodeActionsProvider(selector, new IacCodeActions(diagnostics), { providedCodeActionKinds: IacCodeActions.kinds }),
    vscode.commands.registerCommand(OPEN_IAC_COMMAND, (uri?: unknown) => openIacInDesigner(uri)),
  ];
}
