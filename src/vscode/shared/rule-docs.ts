// Where a rule's documentation page lives in the extension folder (docs/rules/<id>.md), and opening it
// in the Markdown preview. Rule ids come from the webview too, so only the id shape is accepted.
import * as vscode from 'vscode';

const RULE_ID = /^[A-Z]{2,5}-\d{1,4}$/;

export function ruleDocUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri | undefined {
  return RULE_ID.test(ruleId) ? vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`) : undefined;
}

export async function openRuleDoc(extensionUri: vscode.Uri, ruleId: string): Promise<void> {
  const uri = ruleDocUri(extensionUri, ruleId);
  if (!uri) {
    // Never echo the rejected text: notifications render Markdown links, command: links included.
    void vscode.window.showWarningMessage('No rule page opened: the request did not name a rule id (like PPV-008).');
    return;
  }
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    void vscode.window.showWarningMessage(`There is no documentation page for rule ${ruleId} in this build.`);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}
