// '/'-separated path arithmetic for hosts without node:path (the web worker extension host, whose files are
// URI paths): the subset of node:path's posix functions the IaC readers use, for absolute paths.

function normalizeSegments(p: string): string {
  const out: string[] = [];
  for (const s of p.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return `/${out.join('/')}`;
}

export const posixPath = {
  normalize(p: string): string {
    return p.startsWith('/') ? normalizeSegments(p) : normalizeSegments(p).slice(1) || '.';
  },
  /** Resolves right to left until a path is absolute; the root stands in for the missing working folder. */
  resolve(...paths: string[]): string {
    let joined = '';
    for (let i = paths.length - 1; i >= 0; i--) {
      const p = paths[i]!;
      if (p === '') continue;
      joined = joined === '' ? p : `${p}/${joined}`;
      if (p.startsWith('/')) break;
    }
    return normalizeSegments(joined);
  },
  join(...paths: string[]): string {
    return posixPath.normalize(paths.filter((p) => p !== '').join('/') || '.');
  },
  dirname(p: string): string {
    const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p;
    const at = trimmed.lastIndexOf('/');
    if (at < 0) return '.';
    return at === 0 ? '/' : trimmed.slice(0, at);
  },
  basename(p: string, ext?: string): string {
    const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p;
    const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
    return ext && base !== ext && base.endsWith(ext) ? base.slice(0, -ext.length) : base;
  },
};

/** The path functions the IaC readers need: node:path on Node (native separators), posixPath on the web. */
export type PathOps = Pick<typeof posixPath, keyof typeof posixPath>;
