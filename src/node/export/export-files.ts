// Writes an export to disk for the extension and the CLI alike: resolves the output folder and refuses
// anything outside the workspace (symlinks included), classifies existing files by their header hash, and
// writes only what changed. No editor API here, so the CLI and the host share the same safety rules.
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExportedFile } from '../../core/export/export-design';
import { designNameFromFileName } from '../../core/export/output-folder';
import { existingState, type ExistingState } from '../../core/export/file-header';
import { isInside, OutsideWorkspaceError, realLocation, writeInside } from './safe-write';

export { OutsideWorkspaceError, resolveInside } from './safe-write';

export { substituteOutputFolder } from '../../core/export/output-folder';

/** The design's name for folder substitution: the file name without `.ppvnet.json`. */
export function designNameOf(designPath: string): string {
  return designNameFromFileName(path.basename(designPath));
}

export type { ExistingState } from '../../core/export/file-header';

export interface PlannedWrite {
  readonly file: ExportedFile;
  readonly absPath: string;
  /** new: no file yet; unchanged: identical bytes; generated: ours, untouched, safe to replace; edited: ours, changed by hand; foreign: not written by us. */
  readonly state: ExistingState;
  readonly existingText?: string;
}

/**
 * Looks at what each file would replace. A file that is a symbolic link leading outside the root (dangling or
 * not) is refused; anything that is not a regular file (a folder, FIFO or device) is refused before it is read.
 */
export async function planWrites(root: string, outDir: string, files: readonly ExportedFile[]): Promise<PlannedWrite[]> {
  const realRoot = await realLocation(path.resolve(root));
  const out: PlannedWrite[] = [];
  for (const file of files) {
    const absPath = path.join(outDir, ...file.path.split('/'));
    let existingText: string | undefined;
    try {
      const st = await lstat(absPath);
      if (st.isSymbolicLink() && !isInside(realRoot, await realLocation(absPath))) {
        throw new OutsideWorkspaceError(`${absPath} is a symbolic link that leads outside the workspace; not overwriting it.`);
      }
      const real = await realLocation(absPath);
      const target = await lstat(real).catch(() => undefined);
      if (target && !target.isFile()) throw new OutsideWorkspaceError(`${absPath} is not a regular file; not replacing it.`);
      if (target) existingText = await readFile(real, 'utf8');
    } catch (e) {
      if (e instanceof OutsideWorkspaceError) throw e;
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && (e as NodeJS.ErrnoException).code !== 'ENOTDIR') throw e;
    }
    const state = existingState(existingText, file.content);
    out.push({ file, absPath, state, ...(existingText !== undefined ? { existingText } : {}) });
  }
  return out;
}

/** Files that need the user's consent before they are replaced: hand-edited, or never ours. */
export function needsConsent(plan: readonly PlannedWrite[]): PlannedWrite[] {
  return plan.filter((p) => p.state === 'edited' || p.state === 'foreign');
}

/** Writes every planned file whose content changes, each through the safe writer; returns the paths written. */
export async function applyWrites(root: string, plan: readonly PlannedWrite[]): Promise<string[]> {
  const written: string[] = [];
  for (const p of plan) {
    if (p.state === 'unchanged') continue;
    await writeInside(root, p.absPath, p.file.content);
    written.push(p.absPath);
  }
  return written;
}
