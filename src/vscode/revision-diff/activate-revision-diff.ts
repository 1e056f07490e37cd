// Registers Compare Design with Revision and the Source Control entry points, Show Visual Diff on a text diff and
// Open Visual Diff on a changed file: one command under the title each place needs (Node host only: it reads
// history with the git executable).
import type * as vscode from 'vscode';
import { registerCommands } from '../shared/command-registry';
import { COMMANDS } from '../shared/ids';
import { compareDesignWithRevision, openScmVisualDiff, type RevisionDiffServices } from './compare-revision-command';

export function activateRevisionDiff(services: RevisionDiffServices): vscode.Disposable[] {
  const compare = (arg?: unknown) => compareDesignWithRevision(services, arg);
  return registerCommands({
    [COMMANDS.compareDesignWithRevision]: compare,
    [COMMANDS.showVisualDiff]: compare,
    [COMMANDS.openVisualDiff]: (state?: unknown) => openScmVisualDiff(services, state),
  });
}
