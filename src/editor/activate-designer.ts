// Registers the designer custom editor, design diagnostics and design commands. (Placeholder until that feature lands: registers nothing.)
import type * as vscode from 'vscode';

export function activateDesigner(_context: vscode.ExtensionContext): vscode.Disposable[] {
  return [];
}
