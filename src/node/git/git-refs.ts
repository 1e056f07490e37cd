// The branch names a revision picker offers: local and remote-tracking heads, as `git for-each-ref` lists them.
import { git } from './git-revision-files';

/** One short ref name a line (`main`, `origin/main`); the caller shapes them into picks. */
export function gitBranchRefs(top: string): Promise<string> {
  return git(top, ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes']);
}
