// Writes an export to disk for the extension and the CLI alike: resolves the output folder and refuses
// anything outside the workspace (symlinks included), classifies existing files by their header hash, and
// writes only what changed. No editor API here, so the CLI and the host share the same safety rules.
import { lstat, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExportedFile, ExportFormat } from '../../core/export/export-design';
import { headerState } from '../../core/export/file-header';

export class OutsideWorkspaceError extends Error {}

/** `${designName}` and `${format}` substitution in the output-folder setting. */
export function substituteOutputFolder(setting: string, designName: string, format: ExportFormat): string {
  return setting.replace(/\$\{designName\}/g, designName).replace(/\$\{format\}/g, format);
}

/** The design's name for folder substitution: the file name without `.ppvnet.json`. */
export function designNameOf(designPath: string): string {
  return path.basename(designPath).replace(/\.ppvnet\.json$/i, '').replace(/\.json$/i, '');
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest (for folders not yet made). */
async function realpathOfNearest(p: string): Promise<string> {
  const rest: string[] = [];
  let current = p;
  for (;;) {
    try {
      return path.join(await realpath(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return p;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

/**
 * Resolves `folder` (relative to `root`, or absolute) and checks it stays inside `root` both as written
 * and after following symlinks. Throws OutsideWorkspaceError otherwise.
 */
export async function resolveInside(root: string, folder: string): Promise<string> {
  const absRoot = path.resolve(root);
  const target = path.resolve(absRoot, folder);
  if (!isInside(absRoot, target)) throw new OutsideWorkspaceError(`'${folder}' is outside the workspace folder ${absRoot}; exports are only written inside it.`);
  const realRoot = await realpathOfNearest(absRoot);
  const realTarget = await realpathOfNearest(target);
  if (!isInside(realRoot, realTarget)) throw new OutsideWorkspaceError(`'${folder}' leads outside the workspace folder through a symbolic link (to ${realTarget}); exports are only written inside it.`);
  return target;
}

export type ExistingState = 'new' | 'unchanged' | 'generated' | 'edited' | 'foreign';

export interface PlannedWrite {
  readonly file: ExportedFile;
  readonly absPath: string;
  /** new: no file yet; unchanged: identical bytes; generated: ours, untouched, safe to replace; edited: ours, changed by hand; foreign: not written by us. */
  readonly state: ExistingState;
  readonly existingText?: string;
}

/** Looks at what each file would replace. Files that are symlinks pointing outside the root are refused. */
export async function planWrites(root: string, outDir: string, files: readonly ExportedFile[]): Promise<PlannedWrite[]> {
  const realRoot = await realpathOfNearest(path.resolve(root));
  const out: PlannedWrite[] = [];
  for (const file of files) {
    const absPath = path.join(outDir, ...file.path.split('/'));
    let existingText: string | undefined;
    try {
      const st = await lstat(absPath);
      if (st.isSymbolicLink() && !isInside(realRoot, await realpathOfNearest(absPath))) {
        throw new OutsideWorkspaceError(`${absPath} is a symbolic link that leads outside the workspace; not overwriting it.`);
      }
      existingText = await readFile(absPath, 'utf8');
    } catch (e) {
      if (e instanceof OutsideWorkspaceError) throw e;
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    let state: ExistingState;
    if (existingText === undefined) state = 'new';
    else if (existingText === file.content) state = 'unchanged';
    else state = headerState(existingText) === 'generated' ? 'generated' : headerState(existingText);
    out.push({ file, absPath, state, ...(existingText !== undefined ? { existingText } : {}) });
  }
  return out;
}

/** Files that need the user's consent before they are replaced: hand-edited, or never ours. */
export function needsConsent(plan: readonly PlannedWrite[]): PlannedWrite[] {
  return plan.filter((p) => p.state === 'edited' || p.state === 'foreign');
}

/** Writes every planned file whose content changes; returns the paths written. */
export async function applyWrites(plan: readonly PlannedWrite[]): Promise<string[]> {
  const written: string[] = [];
  for (const p of plan) {
    if (p.state === 'unchanged') continue;
    await mkdir(path.dirname(p.absPath), { recursive: true });
    await writeFile(p.absPath, p.file.content, 'utf8');
    written.push(p.absPath);
  }
  return written;
}
