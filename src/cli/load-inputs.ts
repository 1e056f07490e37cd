// Turns the CLI's file and folder arguments into designs to validate, each with a locator that maps
// findings back to file positions. Design files are read here; IaC readers plug in through READERS.
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { moduleCallerOf } from '../core/iac/module-inputs';
import { READ_LIMITS } from '../core/iac/read-limits';
import { loadDesign, type LoadError } from '../core/model/load-design';
import { DESIGN_SUFFIX } from '../core/model/design-file';
import type { Design } from '../core/model/schema';
import { designLocator } from '../core/rules/design-locator';
import type { Locator } from '../core/rules/rule';
import { isInside } from '../node/export/safe-write';
import { readInside } from '../node/files/read-inside';
import { bicepFileReader, terraformFolderReader } from '../node/iac/iac-input-readers';

export interface LoadedInput {
  /** The file or folder as given on the command line, made relative to cwd for output. */
  readonly file: string;
  readonly design?: Design;
  readonly locate?: Locator;
  /** Load errors: syntax, schema, unreadable file. A positioned error counts as an error finding. */
  readonly errors: readonly (LoadError & { readonly file: string })[];
  /** What a Bicep or Terraform reader could not follow (a module not on disk, a loop it cannot expand): printed as notes. */
  readonly notes?: readonly (LoadError & { readonly file: string })[];
  /** Absolute paths of the files an IaC reader took in (entry, modules, parameter files). */
  readonly reads?: readonly string[];
  /**
   * Set when the argument itself is unusable (no such path, or a file no reader understands): a caller
   * treats that as a usage error rather than a finding about the file's content.
   */
  readonly unusableArgument?: string;
}

/**
 * An input reader claims some paths (by extension, or a folder of its files) and reads them; files (modules
 * included) are read only inside `root`: the working folder, or the argument's own folder when it is elsewhere.
 */
export interface InputReader {
  claims(absPath: string, isDirectory: boolean): Promise<boolean>;
  read(absPath: string, displayPath: string, root: string): Promise<LoadedInput>;
}

export const designFileReader: InputReader = {
  async claims(absPath, isDirectory) {
    return !isDirectory && absPath.endsWith(DESIGN_SUFFIX);
  },
  async read(absPath, displayPath, root) {
    const text = await readInside(root, absPath, { extensions: [DESIGN_SUFFIX], maxBytes: READ_LIMITS.maxFileBytes });
    if (typeof text !== 'string') return unreadable(displayPath, `cannot read '${displayPath}': ${text?.refused ?? 'no such file'}`);
    const r = loadDesign(text);
    if (!r.ok) return { file: displayPath, errors: r.errors.map((e) => ({ ...e, file: displayPath })) };
    return { file: displayPath, design: r.design, locate: designLocator(r.index, displayPath), errors: [] };
  },
};

/** Readers tried in order; the first that claims a path reads it. IaC readers are added here. */
export const READERS: InputReader[] = [designFileReader, bicepFileReader, terraformFolderReader];

/**
 * Expands arguments: a design file, or a folder, in which every `*.ppvnet.json` (recursively, skipping
 * node_modules and dot-folders) is an input, unless a reader claims the folder as a whole.
 */
export async function loadInputs(args: readonly string[], cwd: string): Promise<LoadedInput[]> {
  const out: LoadedInput[] = [];
  const scanned = new Set<LoadedInput>();
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const display = path.relative(cwd, abs) || '.';
    let isDir: boolean;
    try {
      isDir = (await stat(abs)).isDirectory();
    } catch {
      out.push(unusable(display, `cannot read '${arg}': no such file or folder`));
      continue;
    }
    // A path named on the command line is read wherever it is; what it pulls in stays inside the root.
    const root = isInside(path.resolve(cwd), abs) ? path.resolve(cwd) : isDir ? abs : path.dirname(abs);
    const reader = await firstClaiming(abs, isDir);
    if (reader) out.push(await safeRead(reader, abs, display, root));
    else if (isDir) {
      const found = await loadFolder(abs, cwd, root, new Set());
      for (const f of found) scanned.add(f);
      out.push(...found);
    } else out.push(unusable(display, `'${arg}' is not a design (*.ppvnet.json)${READERS.length > 1 ? ', Bicep or Terraform' : ''} file`));
  }
  return out.map((input) => (scanned.has(input) ? asModuleOf(input, out) ?? input : input));
}

/**
 * A Bicep file or Terraform folder found by a folder scan that another input reads as a module is not
 * validated alone: its findings already come through the caller, and reading it twice reported each of them
 * twice. What is left is a note saying so.
 */
function asModuleOf(input: LoadedInput, all: readonly LoadedInput[]): LoadedInput | undefined {
  const caller = moduleCallerOf(input, all);
  if (!caller) return undefined;
  const zero = { line: 0, character: 0 };
  const message = `read as a module of ${caller.file}; its findings are reported there`;
  return { file: input.file, errors: [], notes: [{ file: input.file, message, range: { start: zero, end: zero } }], reads: input.reads };
}

async function firstClaiming(abs: string, isDir: boolean): Promise<InputReader | undefined> {
  for (const r of READERS) if (await r.claims(abs, isDir)) return r;
  return undefined;
}

async function safeRead(reader: InputReader, abs: string, display: string, root: string): Promise<LoadedInput> {
  try {
    return await reader.read(abs, display, root);
  } catch (e) {
    return unreadable(display, `cannot read '${display}': ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * A folder's inputs, recursively. A symbolic link is followed when its real target is inside the root (but
 * not into a folder it is already in, so a link cycle ends); one that leads outside, or nowhere, is reported.
 */
async function loadFolder(dir: string, cwd: string, root: string, ancestors: ReadonlySet<string>): Promise<LoadedInput[]> {
  const out: LoadedInput[] = [];
  const real = await realpath(dir).catch(() => dir);
  if (ancestors.has(real)) return out;
  const inside = new Set([...ancestors, real]);
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const realRoot = await realpath(root).catch(() => root);
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const abs = path.join(dir, e.name);
    const display = path.relative(cwd, abs);
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      const target = await realpath(abs).catch(() => undefined);
      if (!target) {
        if (await firstClaiming(abs, false)) out.push(unreadable(display, `cannot read '${display}': it is a symbolic link to nothing (dangling)`));
        continue;
      }
      if (!isInside(realRoot, target)) {
        out.push(unreadable(display, `not read: '${display}' leads outside the folder ${root} through a symbolic link (to ${target})`));
        continue;
      }
      isDir = (await stat(target).catch(() => undefined))?.isDirectory() ?? false;
    }
    if (isDir) {
      const reader = await firstClaiming(abs, true);
      out.push(...(reader ? [await safeRead(reader, abs, display, root)] : await loadFolder(abs, cwd, root, inside)));
    } else {
      // Not only regular files: a FIFO named like a design is claimed, and refused with a finding by its reader.
      const fileReader = await firstClaiming(abs, false);
      if (fileReader) out.push(await safeRead(fileReader, abs, display, root));
    }
  }
  return out;
}

function unreadable(file: string, message: string): LoadedInput {
  const zero = { line: 0, character: 0 };
  return { file, errors: [{ file, message, range: { start: zero, end: zero } }] };
}

function unusable(file: string, message: string): LoadedInput {
  return { ...unreadable(file, message), unusableArgument: message };
}
