// The revisions the compare command offers: HEAD and its parent first (the common questions), then every
// local and remote-tracking branch, and whatever the user types, if git could read it as a revision.

export interface RevisionPick {
  readonly label: string;
  readonly description?: string;
  readonly rev: string;
}

const FIXED: readonly RevisionPick[] = [
  { label: 'HEAD', description: 'the last commit', rev: 'HEAD' },
  { label: 'HEAD~1', description: 'the commit before it', rev: 'HEAD~1' },
];

/** Picks from `git for-each-ref --format=%(refname:short) refs/heads refs/remotes` output. */
export function revisionPicks(forEachRef: string): RevisionPick[] {
  const seen = new Set(FIXED.map((p) => p.rev));
  const picks = [...FIXED];
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
