// The web host's path functions agree with node:path's posix ones on the absolute paths the IaC readers use.
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { posixPath } from '../../../src/core/iac/posix-path';

const paths = ['/', '/a', '/a/b.bicep', '/a/./b/../c.tf', '//a//b/', '/a/b/', '/a/..', '/a/../..', '/w/infra/main.bicepparam', '/x y/ü.bicep'];
const relatives = ['', '.', 'm.bicep', './mods/m.bicep', '../up/m.bicep', '../../../../m.bicep', '/abs/m.bicep', 'a//b/./c'];

describe('posixPath', () => {
  it('normalize, dirname and basename match node:path.posix', () => {
    for (const p of [...paths, 'rel/x', 'rel/a/..', '.']) {
      expect(posixPath.normalize(p), p).toBe(posix.normalize(p).replace(/(.)\/$/, '$1'));
    }
    for (const p of paths) {
      expect(posixPath.dirname(p), p).toBe(posix.dirname(p));
      expect(posixPath.basename(p), p).toBe(posix.basename(p));
      expect(posixPath.basename(p, '.bicep'), p).toBe(posix.basename(p, '.bicep'));
    }
  });

  it('resolve and join match node:path.posix from an absolute base', () => {
    for (const base of paths) {
      for (const rel of relatives) {
        expect(posixPath.resolve(base, rel), `${base} + ${rel}`).toBe(posix.resolve(base, rel));
        if (rel !== '') expect(posixPath.join(base, rel), `${base} + ${rel}`).toBe(posix.join(base, rel).replace(/(.)\/$/, '$1'));
      }
    }
  });
});
