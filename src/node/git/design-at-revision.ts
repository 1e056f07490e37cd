// The text of one file as it was at a git revision, with the three outcomes a compare must tell apart:
// the text, "the revision has no such file" (the change adds it), and "cannot read" (no repository, no revision).
import path from 'node:path';
import { gitCommitExists, gitObjectType, gitRevisionFiles, gitTopLevel } from './git-revision-files';

export type FileAtRevision =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'error'; readonly message: string };

/**
 * `top` is the repository's top folder when the caller knows it: the file's own folder may not exist in the
 * working tree (the change deleted it), so only then is it where git is asked for the repository.
 */
export async function readFileAtRevision(abs: string, rev: string, known?: { readonly top: string }): Promise<FileAtRevision> {
  let top: string;
  try {
    top = known?.top ?? (await gitTopLevel(path.dirname(abs)));
  } catch (e) {
    return { kind: 'error', message: `${path.basename(abs)} is not inside a git repository (${e instanceof Error ? e.message : String(e)})` };
  }
  const rel = path.relative(top, abs).split(path.sep).join('/');
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { kind: 'error', message: `${abs} is outside the repository ${top}` };
  if (!(await gitCommitExists(top, rev))) return { kind: 'error', message: `'${rev}' is not a revision of this repository` };
  const type = await gitObjectType(top, rev, rel);
  if (type === undefined) return { kind: 'absent' };
  if (type !== 'blob') return { kind: 'error', message: `'${rev}:${rel}' is a folder, not a design` };
  // Through the revision reader, so symbolic links and oversized blobs are refused as the CLI refuses them.
  const text = await gitRevisionFiles(top, rev).readText(abs, top);
  if (typeof text === 'string') return { kind: 'text', text };
  return { kind: 'error', message: `'${rev}:${rel}' is not read: ${text?.refused ?? 'no such file at that revision'}` };
}
