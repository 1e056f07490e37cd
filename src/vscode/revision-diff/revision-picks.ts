// The revisions the compare command offers: HEAD and its parent first (the common questions), then the recent
// commits of the design, every local and remote-tracking branch, and whatever the user types, if git could
// read it as a revision.
import { COMMIT_FIELD_SEPARATOR } from '../../node/git/git-refs';

export interface RevisionPick {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly rev: string;
}

const FIXED: readonly RevisionPick[] = [
  { label: 'HEAD', description: 'the last commit', rev: 'HEAD' },
  { label: 'HEAD~1', description: 'the commit before it', rev: 'HEAD~1' },
];

/**
 * Picks from `git for-each-ref --format=%(refname:short) refs/heads refs/remotes` output and, before the
 * branches, from gitRecentCommits output (each commit by its short hash, subject and age).
 */
export function revisionPicks(forEachRef: string, recentCommits = ''): RevisionPick[] {
  const seen = new Set(FIXED.map((p) => p.rev));
  const picks = [...FIXED];
  for (const line of recentCommits.split(/\r?\n/)) {
    const [hash, short, age, ...subject] = line.split(COMMIT_FIELD_SEPARATOR);
    // Only a full hash from git's own output: anything else in the line is no revision to hand back to git.
    if (!hash || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(hash) || seen.has(hash)) continue;
    seen.add(hash);
    picks.push({ label: `$(git-commit) ${short || hash.slice(0, 7)}`, description: subject.join(COMMIT_FIELD_SEPARATOR), ...(age ? { detail: `commit, ${age}` } : {}), rev: hash });
  }
  for (const line of forEachRef.split(/\r?\n/)) {
    const ref = line.trim();
    // `origin/HEAD` only repeats the remote's default branch; a '-' ref could be read as an option.
    if (ref === '' || ref.endsWith('/HEAD') || ref.startsWith('-') || seen.has(ref)) continue;
    seen.add(ref);
    picks.push({ label: ref, description: ref.includes('/') ? 'remote branch' : 'branch', rev: ref });
  }
  return picks;
}

/** A pick for typed text (a tag, a commit id, `main~3`), or undefined when it cannot be a revision. */
export function typedRevisionPick(value: string): RevisionPick | undefined {
  const rev = value.trim();
  if (rev === '' || rev.startsWith('-') || /[\s:]/.test(rev)) return undefined;
  return { label: rev, description: 'typed revision', rev };
}
