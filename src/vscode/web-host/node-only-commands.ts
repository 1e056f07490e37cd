// The web host's stand-ins for features that need Node (Azure sign-in and ARM clients, the Bicep/Terraform
// import's layout, the git executable): sets the context key package.json hides their menu entries with, and answers a command
// that still arrives (a keybinding, a link) with a message instead of "command not found".
import * as vscode from 'vscode';
import { COMMANDS } from '../shared/ids';

/** Set in the web worker host only; `isWeb` cannot tell, it is also true for code-server's Node host. */
export const WEB_HOST_CONTEXT = 'ppvnet.webHost';

const NODE_ONLY: Readonly<Record<string, string>> = {
  [COMMANDS.importFromAzure]: 'Import from Azure',
  [COMMANDS.compareWithAzure]: 'Compare with Azure',
  [COMMANDS.compareDesignWithRevision]: 'Compare Design with Revision (it runs git)',
  [COMMANDS.showVisualDiff]: 'Show Visual Diff (it runs git)',
  [COMMANDS.openVisualDiff]: 'Open Visual Diff (it runs git)',
  [COMMANDS.openIacInDesigner]: 'Open in Designer (import Bicep/Terraform)',
};

export function activateNodeOnlyCommands(_context: vscode.ExtensionContext): vscode.Disposable[] {
  void vscode.commands.executeCommand('setContext', WEB_HOST_CONTEXT, true);
  return Object.entries(NODE_ONLY).map(([command, title]) =>
    vscode.commands.registerCommand(command, () => {
      void vscode.window.showInformationMessage(`${title} is not available in VS Code for the Web: it needs the desktop VS Code (or a remote with a Node extension host).`);
    }));
}
