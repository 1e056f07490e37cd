// The one way IaC and design files are read from disk: only a regular file whose real path (symbolic links
// followed) is inside the root, of the expected extension and size, opened so that nothing can block or follow
// a link swapped in meanwhile. A FIFO or /dev/stdin would block forever, /dev/zero would fill memory.
import { constants } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../export/safe-write';

/** Why a file that is there was not read; phrased to follow "<file> is not read: ". */
export interface Refusal {
  readonly refused: string;
}

export interface ReadRules {
  /** The name must end with one of these (`.tf`, `.ppvnet.json`); any name when absent. */
  readonly extensions?: readonly string[];
  readonly maxBytes: number;
}

function code(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

function kindOf(s: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

const MB = 1024 * 1024;
const megabytes = (n: number) => (n % MB === 0 ? `${n / MB} MB` : `${n} bytes`);

/**
 * The text of `file` (UTF-8), a Refusal saying why it was not read, or undefined when there is no such file.
 * Every check is made on the real path, and again on the opened handle.
 */
export async function readInside(root: string, file: string, rules: ReadRules): Promise<string | Refusal | undefined> {
  if (rules.extensions && !rules.extensions.some((e) => file.endsWith(e))) return { refused: `it is not a ${rules.extensions.join(' or ')} file` };
  const absRoot = path.resolve(root);
  const abs = path.resolve(absRoot, file);
  if (!isInside(absRoot, abs)) return { refused: `it is outside the folder ${absRoot}` };
  let real: string;
  try {
    real = await realpath(abs);
  } catch (e) {
    if (code(e) === 'ELOOP') return { refused: 'it is a loop of symbolic links' };
    if (code(e) !== 'ENOENT' && code(e) !== 'ENOTDIR') return { refused: `it cannot be read (${code(e) ?? String(e)})` };
    const link = await lstat(abs).then((s) => s.isSymbolicLink(), () => false);
    return link ? { refused: 'it is a symbolic link to nothing (dangling)' } : undefined;
  }
  const realRoot = await realpath(absRoot).catch(() => absRoot);
  if (!isInside(realRoot, real)) return { refused: `it leads outside the folder ${absRoot} through a symbolic link (to ${real})` };
  const before = await stat(real).catch(() => undefined);
  if (!before) return undefined;
  if (!before.isFile()) return { refused: `it is ${kindOf(before)}, not a regular file` };
  if (before.size > rules.maxBytes) return { refused: `it is larger than ${megabytes(rules.maxBytes)}` };
  let handle;
  try {
    // O_NONBLOCK: a FIFO swapped in after the check opens at once instead of waiting for a writer.
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    if (code(e) === 'ELOOP') return { refused: 'it became a symbolic link while it was being read' };
    return { refused: `it cannot be read (${code(e) ?? String(e)})` };
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) return { refused: `it is ${kindOf(opened)}, not a regular file` };
    // Read in chunks until the end, stopping one chunk past the cap: a file that grows while read stays bounded.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(opened.size - length, 0), rules.maxBytes) + 64 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > rules.maxBytes) return { refused: `it is larger than ${megabytes(rules.maxBytes)}` };
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * A file named on the command line (a design, a rule configuration): read wherever it is when it is inside the
 * working folder, or inside its own folder otherwise; in either case only a regular file within `maxBytes`.
 */
export async function readNamedFile(cwd: string, file: string, maxBytes: number): Promise<string> {
  const abs = path.resolve(cwd, file);
  const text = await readInside(isInside(path.resolve(cwd), abs) ? cwd : path.dirname(abs), abs, { maxBytes });
  if (typeof text === 'string') return text;
  throw new Error(text ? text.refused : 'no such file');
}
