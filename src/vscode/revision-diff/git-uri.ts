// What a `git:` URI from VS Code's git extension names: the file and the ref it is shown at. The extension
// puts `{"path": …, "ref": …}` as JSON in the query; '~' is the index (staged), '' the working tree.

export interface GitUriTarget {
  /** The file's path in the working tree (file-system form, as the git extension wrote it). */
  readonly path: string;
  readonly ref: string;
}

export function parseGitUriQuery(query: string): GitUriTarget | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(query);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { path, ref } = parsed as { path?: unknown; ref?: unknown };
  if (typeof path !== 'string' || path === '') return undefined;
  return { path, ref: typeof ref === 'string' ? ref : '' };
}

/** The ref as a title shows it: the git extension's '~' and '' are not names a reader knows. */
export function refLabel(ref: string): string {
  if (ref === '~') return 'index';
  if (ref === '') return 'working tree';
  return ref;
}
