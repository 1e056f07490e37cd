// A file at a git revision, as the VS Code compare reads it: the text, "absent at that revision" (the change
// adds the file), and errors for no revision, a folder, and a revision git could read as an option.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileAtRevision } from '../../../src/node/git/design-at-revision';
import { gitBranchRefs, gitRecentCommits } from '../../../src/node/git/git-refs';
import { revisionPicks } from '../../../src/vscode/revision-diff/revision-picks';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

function repo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ppvnet-rev-'));
  mkdirSync(path.join(dir, 'infra'));
  writeFileSync(path.join(dir, 'infra', 'a.ppvnet.json'), '{"v":1}');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'one');
  writeFileSync(path.join(dir, 'infra', 'a.ppvnet.json'), '{"v":2}');
  writeFileSync(path.join(dir, 'infra', 'b.ppvnet.json'), '{}');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'two');
  git(dir, 'branch', 'feature/x');
  return dir;
}

describe('readFileAtRevision', () => {
  const dir = repo();
  const a = path.join(dir, 'infra', 'a.ppvnet.json');

  it('reads the text at HEAD and at HEAD~1', async () => {
    expect(await readFileAtRevision(a, 'HEAD')).toEqual({ kind: 'text', text: '{"v":2}' });
    expect(await readFileAtRevision(a, 'HEAD~1')).toEqual({ kind: 'text', text: '{"v":1}' });
  });

  it('tells a file the revision lacks from a revision that does not exist', async () => {
    expect(await readFileAtRevision(path.join(dir, 'infra', 'b.ppvnet.json'), 'HEAD~1')).toEqual({ kind: 'absent' });
    expect(await readFileAtRevision(a, 'no-such-branch')).toMatchObject({ kind: 'error', message: expect.stringContaining('not a revision') });
    expect(await readFileAtRevision(a, '--output=/tmp/x')).toMatchObject({ kind: 'error' });
  });

  it('refuses a folder and a file outside any repository', async () => {
    expect(await readFileAtRevision(path.join(dir, 'infra'), 'HEAD')).toMatchObject({ kind: 'error', message: expect.stringContaining('folder') });
    const outside = mkdtempSync(path.join(tmpdir(), 'ppvnet-norepo-'));
    expect(await readFileAtRevision(path.join(outside, 'x.ppvnet.json'), 'HEAD')).toMatchObject({ kind: 'error' });
  });

  it('lists the branches for the picker', async () => {
    expect((await gitBranchRefs(dir)).split('\n').filter(Boolean).sort()).toEqual(['feature/x', 'main']);
  });

  it('offers the recent commits of the file, newest first, by full hash and subject', async () => {
    const log = await gitRecentCommits(dir, 'infra/a.ppvnet.json', 20);
    const hashes = git(dir, 'log', '--format=%H').trim().split('\n');
    const commits = revisionPicks('', log).slice(2);
    expect(commits.map((p) => [p.rev, p.description])).toEqual([[hashes[0], 'two'], [hashes[1], 'one']]);
    expect(commits[0]!.label).toBe(`$(git-commit) ${hashes[0]!.slice(0, 7)}`);
    // Only the commits that touched the file: b.ppvnet.json came with the second.
    expect(revisionPicks('', await gitRecentCommits(dir, 'infra/b.ppvnet.json', 20)).slice(2).map((p) => p.rev)).toEqual([hashes[0]]);
  });

  it('reads a file whose folder the working tree no longer has, given the repository', async () => {
    const gone = path.join(dir, 'removed', 'c.ppvnet.json');
    expect(await readFileAtRevision(gone, 'HEAD')).toMatchObject({ kind: 'error', message: expect.stringContaining('not inside a git repository') });
    expect(await readFileAtRevision(gone, 'HEAD', { top: dir })).toEqual({ kind: 'absent' });
    expect(await readFileAtRevision(a, 'HEAD~1', { top: dir })).toEqual({ kind: 'text', text: '{"v":1}' });
  });
});
