// The read-only panel beside the editor that shows one visual diff: no script, no local resources, so the
// webview can only display what buildDiffHtml wrote.
import * as vscode from 'vscode';
import { buildDiffHtml, type DiffHtmlParts } from './diff-html';

export const DIFF_PANEL_VIEW_TYPE = 'ppvnet.revisionDiff';

export function openDiffPanel(title: string): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(DIFF_PANEL_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
    enableScripts: false,
    enableCommandUris: false,
    localResourceRoots: [],
  });
}

export function showDiff(panel: vscode.WebviewPanel, parts: Omit<DiffHtmlParts, 'nonce'>): void {
  panel.webview.html = buildDiffHtml({ ...parts, nonce: randomNonce() });
}

/** A fresh CSP nonce per render, from Web Crypto. */
function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}
