// The pure halves of the compare command: what a git: URI's query names, and the revisions the picker offers.
import { describe, expect, it } from 'vitest';
import { parseGitUriQuery, refLabel } from '../../../src/vscode/revision-diff/git-uri';
import { revisionPicks, typedRevisionPick } from '../../../src/vscode/revision-diff/revision-picks';

describe('git: URI query', () => {
  it('reads the path and ref the git extension encodes as JSON', () => {
    expect(parseGitUriQuery(JSON.stringify({ path: '/repo/infra/net.ppvnet.json', ref: 'HEAD' }))).toEqual({ path: '/repo/infra/net.ppvnet.json', ref: 'HEAD' });
    expect(parseGitUriQuery(JSON.stringify({ path: 'c:\\repo\\a.ppvnet.json', ref: '~' }))).toEqual({ path: 'c:\\repo\\a.ppvnet.json', ref: '~' });
    expect(parseGitUriQuery(JSON.stringify({ path: '/r/a.ppvnet.json' }))).toEqual({ path: '/r/a.ppvnet.json', ref: '' });
  });

  it('refuses a query that names no file', () => {
    for (const q of ['', 'not json', 'null', '[]', '{"ref":"HEAD"}', '{"path":""}', '{"path":3}']) expect(parseGitUriQuery(q)).toBeUndefined();
  });

  it('labels the index and the working tree by name', () => {
    expect([refLabel('~'), refLabel(''), refLabel('origin/main')]).toEqual(['index', 'working tree', 'origin/main']);
  });
});

describe('revision picks', () => {
  it('offers HEAD and HEAD~1, then local and remote branches once each, without origin/HEAD', () => {
    const picks = revisionPicks('main\nfeature/x\norigin/HEAD\norigin/main\n\nmain\r\n-evil\n');
    expect(picks.map((p) => p.rev)).toEqual(['HEAD', 'HEAD~1', 'main', 'feature/x', 'origin/main']);
    expect(picks.find((p) => p.rev === 'origin/main')!.description).toBe('remote branch');
  });

  it('puts recent commits between HEAD~1 and the branches, and only lines that start with a full hash', () => {
    const h1 = 'a'.repeat(40);
    const h2 = 'b'.repeat(40);
    const log = [`${h1}\x1faaaaaaa\x1f2 hours ago\x1fAdd the France VNet`, `${h1}\x1faaaaaaa\x1fx\x1frepeat`, `--evil\x1fx\x1fy\x1fz`, `${h2}\x1fbbbbbbb\x1f3 days ago\x1fseed\x1fwith a separator`, ''].join('\n');
    const picks = revisionPicks('main\n', log);
    expect(picks.map((p) => p.rev)).toEqual(['HEAD', 'HEAD~1', h1, h2, 'main']);
    expect(picks[2]).toEqual({ label: '$(git-commit) aaaaaaa', description: 'Add the France VNet', detail: 'commit, 2 hours ago', rev: h1 });
    expect(picks[3]!.description).toBe('seed\x1fwith a separator');
  });

  it('still offers HEAD and HEAD~1 outside any branch (empty output)', () => {
    expect(revisionPicks('').map((p) => p.rev)).toEqual(['HEAD', 'HEAD~1']);
  });

  it('takes typed text that could be a revision, and nothing git would read as an option or path', () => {
    expect(typedRevisionPick(' v1.2.0 ')).toEqual({ label: 'v1.2.0', description: 'typed revision', rev: 'v1.2.0' });
    for (const v of ['', '  ', '--output=x', 'a b', 'HEAD:x']) expect(typedRevisionPick(v)).toBeUndefined();
  });
});
