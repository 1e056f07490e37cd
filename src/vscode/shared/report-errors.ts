// Runs a command body and shows any failure as an error notification instead of an unhandled rejection.
import * as vscode from 'vscode';

export async function reportErrors<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (e) {
    void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
    return undefined;
  }
}
