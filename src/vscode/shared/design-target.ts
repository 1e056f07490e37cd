// Which design a command acts on, one precedence for every feature: the URI it was given (menus, other
// commands, tests; a string is parsed), else the designer the user is looking at, else the focused text
// editor showing a design, else the active tab if it shows one.
import * as vscode from 'vscode';
import { DESIGN_SUFFIX, VIEW_TYPE } from './ids';

/** An open designer panel, as the features other than the designer see it. */
export interface OpenDesigner {
  readonly document: vscode.TextDocument;
  whenReady(timeoutMs: number): Promise<void>;
  /** The canvas drawn by the webview: base64 PNG or SVG text. */
  requestDiagram(format: 'svg' | 'png'): Promise<string>;
  runLayout(): void;
}

/** The open designers; the designer feature keeps them, the activation hands them to the others. */
export interface OpenDesigners {
  /** The focused designer, else the most recently focused one still visible. */
  active(): OpenDesigner | undefined;
  forUri(uri: vscode.Uri): OpenDesigner[];
}

export function targetDesignUri(arg: unknown, designers: OpenDesigners): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg !== '') return vscode.Uri.parse(arg);
  const designer = designers.active();
  if (designer) return designer.document.uri;
  const text = vscode.window.activeTextEditor?.document;
  if (text?.uri.path.endsWith(DESIGN_SUFFIX)) return text.uri;
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (tab instanceof vscode.TabInputCustom && tab.viewType === VIEW_TYPE) return tab.uri;
  if ((tab instanceof vscode.TabInputCustom || tab instanceof vscode.TabInputText) && tab.uri.path.endsWith(DESIGN_SUFFIX)) return tab.uri;
  return undefined;
}

export async function targetDesignDocument(arg: unknown, designers: OpenDesigners): Promise<vscode.TextDocument | undefined> {
  const uri = targetDesignUri(arg, designers);
  if (!uri) {
    void vscode.window.showWarningMessage('Open a Power Platform VNet design (*.ppvnet.json) first.');
    return undefined;
  }
  return vscode.workspace.openTextDocument(uri);
}
