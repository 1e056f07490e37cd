// The revisions a revision picker offers: local and remote-tracking heads, and the recent commits of one file.
import { git } from './git-revision-files';

/** One short ref name a line (`main`, `origin/main`); the caller shapes them into picks. */
export function gitBranchRefs(top: string): Promise<string> {
  return git(top, ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes']);
}

/** The separator of `gitRecentCommits` fields: a unit separator cannot appear in a hash, a date or (sanely) a subject. */
export const COMMIT_FIELD_SEPARATOR = '\x1f';

/**
 * The last `count` commits that touched `rel` (relative to `top`), newest first, one a line:
 * full hash, short hash, relative date and subject, separated by COMMIT_FIELD_SEPARATOR.
 */
export function gitRecentCommits(top: string, rel: string, count: number): Promise<string> {
  return git(top, ['log', `--max-count=${count}`, '--format=%H%x1f%h%x1f%cr%x1f%s', '--', rel]);
}
