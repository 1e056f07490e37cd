// The one way exports, diagrams and other generated files reach the disk: a path is resolved through every
// symbolic link on it (dangling ones included) and must stay inside the root, and the final write never follows
// a link, so neither a planted link nor one swapped in between check and write can send bytes outside.
import { constants } from 'node:fs';
import { lstat, mkdir, open, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';

export class OutsideWorkspaceError extends Error {}

/** More hops than this is a link cycle, or close enough to one to refuse (Linux stops at 40 as well). */
const MAX_LINK_HOPS = 40;

export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function code(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Where `p` really is: `realpath` when it exists; otherwise the real path of its nearest existing ancestor
 * with the rest appended. A component that is a symbolic link is followed even when its target does not exist
 * yet, because writing "through" a dangling link creates the file at the link's target.
 */
export async function realLocation(p: string, hops = 0): Promise<string> {
  if (hops > MAX_LINK_HOPS) throw new OutsideWorkspaceError(`${p}: too many levels of symbolic links`);
  try {
    return await realpath(p);
  } catch (e) {
    if (code(e) === 'ELOOP') throw new OutsideWorkspaceError(`${p}: too many levels of symbolic links`);
    if (code(e) !== 'ENOENT' && code(e) !== 'ENOTDIR') throw e;
  }
  const parent = path.dirname(p);
  if (parent === p) return p;
  const realParent = await realLocation(parent, hops);
  const here = path.join(realParent, path.basename(p));
  try {
    if ((await lstat(here)).isSymbolicLink()) {
      return await realLocation(path.resolve(realParent, await readlink(here)), hops + 1);
    }
  } catch (e) {
    if (e instanceof OutsideWorkspaceError) throw e;
    if (code(e) !== 'ENOENT' && code(e) !== 'ENOTDIR') throw e;
  }
  return here;
}

/**
 * Resolves `target` (relative to `root`, or absolute) and checks it stays inside `root` both as written
 * and after following symlinks. Returns the path as written; throws OutsideWorkspaceError otherwise.
 */
export async function resolveInside(root: string, target: string, what = `'${target}'`): Promise<string> {
  const absRoot = path.resolve(root);
  const abs = path.resolve(absRoot, target);
  if (!isInside(absRoot, abs)) throw new OutsideWorkspaceError(`${what} is outside the workspace folder ${absRoot}; ppvnet writes only inside it.`);
  const realRoot = await realLocation(absRoot);
  const real = await realLocation(abs);
  if (!isInside(realRoot, real)) {
    throw new OutsideWorkspaceError(`${what} leads outside the workspace folder through a symbolic link (to ${real}); ppvnet writes only inside it.`);
  }
  return abs;
}

/**
 * Writes `content` to `file` (inside `root`, checked again here rather than trusted from an earlier plan).
 * Folders are made at their real location, and the file is opened with O_NOFOLLOW at its real path.
 */
export async function writeInside(root: string, file: string, content: string): Promise<void> {
  await resolveInside(root, file);
  const realRoot = await realLocation(path.resolve(root));
  const real = await realLocation(path.resolve(root, file));
  const dir = path.dirname(real);
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new Error(`cannot make the folder ${dir}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  // The folder now exists: its real path must still be inside (a link swapped in meanwhile is caught here).
  if (!isInside(realRoot, await realpath(dir))) throw new OutsideWorkspaceError(`${file} leads outside the workspace folder; not writing it.`);
  // A FIFO or device must never be opened: opening a FIFO for writing blocks, truncating a device is worse.
  try {
    if (!(await lstat(real)).isFile()) throw new Error(`${file} is not a regular file; not writing into it.`);
  } catch (e) {
    if (code(e) !== 'ENOENT') throw e;
  }
  let handle;
  try {
    handle = await open(real, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o644);
  } catch (e) {
    if (code(e) === 'ELOOP') throw new OutsideWorkspaceError(`${file} became a symbolic link while it was being written; not following it.`);
    throw new Error(`cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  try {
    if (!(await handle.stat()).isFile()) throw new Error(`${file} is not a regular file; not writing into it.`);
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
}
