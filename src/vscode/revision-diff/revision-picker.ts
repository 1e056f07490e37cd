// Asks which revision to compare with: a QuickPick of HEAD, HEAD~1, the design's recent commits and the
// branches, that also takes a typed revision (a tag, a commit id). Resolves undefined when dismissed.
import path from 'node:path';
import * as vscode from 'vscode';
import { gitBranchRefs, gitRecentCommits } from '../../node/git/git-refs';
import { gitTopLevel } from '../../node/git/git-revision-files';
import { revisionPicks, typedRevisionPick, type RevisionPick } from './revision-picks';

/** Enough history to find "before that change" without a long list to scroll. */
const RECENT_COMMITS = 20;

type Item = vscode.QuickPickItem & { readonly rev: string };

export async function pickRevision(fsPath: string): Promise<string | undefined> {
  let refs = '';
  let commits = '';
  try {
    const top = await gitTopLevel(path.dirname(fsPath));
    [refs, commits] = await Promise.all([gitBranchRefs(top), gitRecentCommits(top, path.relative(top, fsPath).split(path.sep).join('/'), RECENT_COMMITS)]);
  } catch {
    // Not a repository, no commit yet, or git missing: the reader says so when the compare runs; HEAD is still offered.
  }
  const fixed = revisionPicks(refs, commits).map(toItem);
  const quickPick = vscode.window.createQuickPick<Item>();
  quickPick.title = 'Compare Design with Revision';
  quickPick.placeholder = 'A branch, HEAD~1, or type a tag or commit id';
  quickPick.items = fixed;
  return new Promise((resolve) => {
    let chosen: string | undefined;
    quickPick.onDidChangeValue((value) => {
      const typed = typedRevisionPick(value);
      quickPick.items = typed && !fixed.some((i) => i.rev === typed.rev) ? [toItem(typed), ...fixed] : fixed;
    });
    quickPick.onDidAccept(() => {
      chosen = quickPick.selectedItems[0]?.rev;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(chosen);
    });
    quickPick.show();
  });
}

function toItem(p: RevisionPick): Item {
  return { label: p.label, ...(p.description ? { description: p.description } : {}), ...(p.detail ? { detail: p.detail } : {}), rev: p.rev, alwaysShow: p.description === 'typed revision' };
}
