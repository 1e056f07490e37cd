// Whether a URI names something on its file system (any scheme VS Code can stat), for features that must not overwrite.
import * as vscode from 'vscode';

export async function uriExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
