// `<rev>:<path>` arguments: a design file, Bicep file or Terraform folder as it was at a git revision, read
// through the same core readers as the working tree (the IaC ones over a git-backed IacFileAccess).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readBicepFile, readTerraformFolder } from '../core/iac/iac-inputs';
import type { IacReadResult } from '../core/iac/read-iac';
import { DESIGN_SUFFIX } from '../core/model/design-file';
import { loadDesign } from '../core/model/load-design';
import { readFileAtRevision } from '../node/git/design-at-revision';
import { gitCommitExists, gitObjectType, gitRevisionFiles, gitTopLevel } from '../node/git/git-revision-files';
import { sharedParsers } from '../node/iac/tree-sitter-parsers';
import type { LoadedInput } from './load-inputs';

export interface RevisionSpec {
  readonly rev: string;
  /** As written after the colon: relative to the repository's top folder, or to cwd when it starts with ./ or ../ */
  readonly path: string;
}

/**
 * Reads `rev:path` when the argument is not an existing file or folder. A one-letter "revision" is a
 * Windows drive (C:\x), never a revision; a revision that starts with '-' could pass as an option to git.
 */
export function parseRevisionSpec(arg: string, cwd: string): RevisionSpec | undefined {
  const colon = arg.indexOf(':');
  if (colon < 2 || arg.startsWith('-') || existsSync(path.resolve(cwd, arg))) return undefined;
  return { rev: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

/** Where `spec.path` lies in the working tree, for finding the rule configuration that applies to it. */
export async function workingTreePath(spec: RevisionSpec, cwd: string): Promise<string> {
  return /^\.\.?([/\\]|$)/.test(spec.path) ? path.resolve(cwd, spec.path) : path.resolve(await gitTopLevel(cwd), spec.path);
}

export interface RevisionInput extends LoadedInput {
  /** The revision exists but has no such path: a change that adds the file. */
  readonly absentAtRevision?: true;
}

export async function loadRevisionInput(spec: RevisionSpec, cwd: string): Promise<RevisionInput> {
  const display = `${spec.rev}:${spec.path}`;
  const fail = (message: string): LoadedInput => {
    const zero = { line: 0, character: 0 };
    return { file: display, errors: [{ file: display, message, range: { start: zero, end: zero } }], unusableArgument: message };
  };
  let top: string;
  try {
    top = await gitTopLevel(cwd);
  } catch (e) {
    return fail(`cannot read '${display}': not inside a git repository (${e instanceof Error ? e.message : String(e)})`);
  }
  const abs = await workingTreePath(spec, cwd);
  const rel = path.relative(top, abs).split(path.sep).join('/');
  if (rel.startsWith('..')) return fail(`'${display}' is outside the repository`);
  const absent = () => ({ ...fail(`'${display}': the revision '${spec.rev}' has no file or folder '${rel}'`), absentAtRevision: true as const });
  if (abs.endsWith(DESIGN_SUFFIX)) {
    // The same reader as the editor's compare: one place tells a design's text from "absent" and "cannot read".
    const read = await readFileAtRevision(abs, spec.rev, { top });
    if (read.kind === 'absent') return absent();
    if (read.kind === 'error') return fail(`'${display}': ${read.message}`);
    const r = loadDesign(read.text);
    return r.ok ? { file: display, design: r.design, errors: [] } : { file: display, errors: r.errors.map((e) => ({ ...e, file: display })) };
  }
  const type = await gitObjectType(top, spec.rev, rel);
  if (!type) {
    if (!(await gitCommitExists(top, spec.rev))) return fail(`'${display}': '${spec.rev}' is not a revision of this repository`);
    return absent();
  }
  const files = gitRevisionFiles(top, spec.rev);
  if (type === 'blob' && abs.endsWith('.bicep')) return fromIac(display, await readBicepFile(abs, { parsers: await sharedParsers(), files, root: top }), top, spec.rev);
  if (type === 'tree' && (await files.list(abs))?.some((e) => !e.isDirectory && e.name.endsWith('.tf'))) {
    return fromIac(display, await readTerraformFolder(abs, { parsers: await sharedParsers(), files, root: top }), top, spec.rev);
  }
  return fail(`'${display}' is not a design (*.ppvnet.json), Bicep file or Terraform folder at that revision`);
}

/** Reader problems name files as `rev:relative/path`, the form `git show` accepts. */
function fromIac(display: string, result: IacReadResult, top: string, rev: string): LoadedInput {
  const at = (d: IacReadResult['diagnostics'][number]) => ({ file: `${rev}:${path.relative(top, path.normalize(d.file)).split(path.sep).join('/')}`, message: d.message, range: d.range });
  return {
    file: display,
    design: result.design,
    errors: result.diagnostics.filter((d) => d.severity !== 'info').map(at),
    notes: result.diagnostics.filter((d) => d.severity === 'info').map(at),
  };
}
