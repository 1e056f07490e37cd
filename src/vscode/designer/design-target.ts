// Which design a command acts on: the URI it was given (menus, other commands, tests), else the
// focused designer, else the focused text editor showing a design.
import * as vscode from 'vscode';
import { DESIGN_SUFFIX } from './design-diagnostics';
import type { DesignerSessions } from './designer-editor-provider';

export function targetDesignUri(arg: unknown, sessions: DesignerSessions): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const session = sessions.active();
  if (session) return session.document.uri;
  const text = vscode.window.activeTextEditor?.document;
  if (text?.uri.path.endsWith(DESIGN_SUFFIX)) return text.uri;
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if ((tab instanceof vscode.TabInputCustom || tab instanceof vscode.TabInputText) && tab.uri.path.endsWith(DESIGN_SUFFIX)) return tab.uri;
  return undefined;
}

export async function targetDesignDocument(arg: unknown, sessions: DesignerSessions): Promise<vscode.TextDocument | undefined> {
  const uri = targetDesignUri(arg, sessions);
  if (!uri) {
    void vscode.window.showWarningMessage('Open a Power Platform VNet design (*.ppvnet.json) first.');
    return undefined;
  }
  return vscode.workspace.openTextDocument(uri);
}
