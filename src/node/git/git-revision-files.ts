// Files as they were at a git revision, read with `git cat-file` and `git ls-tree`: an IacFileAccess for the
// core readers, so a Bicep file or Terraform folder at `origin/main` is read exactly like one on disk.
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { IacFileAccess } from '../../core/iac/iac-inputs';
import { READ_LIMITS } from '../../core/iac/read-limits';

/** Designs and IaC files are small, but a generous cap keeps a stray large blob from failing the read. */
const MAX_BUFFER = 256 * 1024 * 1024;

export class GitError extends Error {}

/** Runs git in `cwd` and resolves to its standard output; a failure rejects with git's own message. */
export function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: MAX_BUFFER, windowsHide: true }, (error, stdout, stderr) => {
      if (error) reject(new GitError(stderr.trim() || error.message));
      else resolve(stdout);
    });
  });
}

/** The working tree's top folder, which `<rev>:<path>` paths are relative to. */
export async function gitTopLevel(cwd: string): Promise<string> {
  return path.resolve((await git(cwd, ['rev-parse', '--show-toplevel'])).trim());
}

/** Whether `rev` names a commit: tells "no such path at that revision" from "no such revision". */
export async function gitCommitExists(top: string, rev: string): Promise<boolean> {
  if (rev.startsWith('-')) return false;
  try {
    await git(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** 'blob' for a file, 'tree' for a folder, undefined when the revision has no such path. */
export async function gitObjectType(top: string, rev: string, rel: string): Promise<'blob' | 'tree' | undefined> {
  try {
    const type = (await git(top, ['cat-file', '-t', `${rev}:${rel}`])).trim();
    return type === 'blob' || type === 'tree' ? type : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The files of revision `rev` under absolute paths in `top` (as if that revision were checked out there).
 * A revision is refused if it could be read as an option; paths outside `top` read as absent.
 */
export function gitRevisionFiles(top: string, rev: string): IacFileAccess {
  if (rev.startsWith('-')) throw new GitError(`'${rev}' is not a revision`);
  const relative = (abs: string): string | undefined => {
    const rel = path.relative(top, path.resolve(abs));
    if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  };
  return {
    path,
    async readText(file, root) {
      const rel = relative(file);
      const inRoot = path.relative(path.resolve(root), path.resolve(file));
      if (rel === undefined || rel === '') return undefined;
      // The same rules as on disk: inside the root, a regular file (a committed symbolic link is mode 120000), capped.
      if (inRoot.startsWith('..') || path.isAbsolute(inRoot)) return { refused: `it is outside ${root}` };
      try {
        const entry = (await git(top, ['ls-tree', '-z', rev, '--', rel])).split('\0')[0] ?? '';
        if (entry === '') return undefined;
        const [mode, type] = entry.slice(0, entry.indexOf('\t')).split(' ');
        if (mode === '120000') return { refused: 'it is a symbolic link at that revision' };
        if (type !== 'blob') return { refused: 'it is not a file at that revision' };
        const size = Number((await git(top, ['cat-file', '-s', `${rev}:${rel}`])).trim());
        if (size > READ_LIMITS.maxFileBytes) return { refused: `it is larger than ${READ_LIMITS.maxFileBytes} bytes` };
        return await git(top, ['cat-file', 'blob', `${rev}:${rel}`]);
      } catch {
        return undefined;
      }
    },
    async list(dir) {
      const rel = relative(dir);
      if (rel === undefined) return undefined;
      let out: string;
      try {
        // A trailing '/' lists the folder's entries rather than the folder itself; -z keeps odd names intact.
        out = await git(top, ['ls-tree', '-z', rev, '--', ...(rel === '' ? [] : [`${rel}/`])]);
      } catch {
        return undefined;
      }
      return out.split('\0').filter(Boolean).map((line) => {
        const tab = line.indexOf('\t');
        const [, type] = line.slice(0, tab).split(' ');
        return { name: path.posix.basename(line.slice(tab + 1)), isDirectory: type === 'tree' };
      });
    },
  };
}
