// The extension's settings as the features read them, each read one way: clamped, with its default.
import * as vscode from 'vscode';

const DEFAULT_DELAY_MS = 300;

/** `ppvnet.validation.delayMs`: how long a burst of edits settles before designs and IaC are checked again. */
export function validationDelayMs(): number {
  const v = vscode.workspace.getConfiguration('ppvnet').get<number>('validation.delayMs', DEFAULT_DELAY_MS);
  return Number.isFinite(v) ? Math.min(5000, Math.max(0, v)) : DEFAULT_DELAY_MS;
}
