// Registers commands by id and owns their error reporting: a command that throws shows its message as an
// error notification (and resolves to undefined) instead of ending as an unhandled rejection.
import * as vscode from 'vscode';
import type { CommandId } from './ids';

// Commands take whatever their callers pass (menus a URI, other commands options); each handler checks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandHandler = (...args: any[]) => unknown;

export function registerCommands(handlers: Partial<Readonly<Record<CommandId, CommandHandler>>>): vscode.Disposable[] {
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, (...args: unknown[]) => reportErrors(async () => handler!(...args))));
}

export async function reportErrors<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (e) {
    void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
    return undefined;
  }
}
