// Designer edits become the smallest text replacement, keep line endings, and never touch a broken document.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../../src/core/model/load-design';
import { computeEditReplacement } from '../../../src/vscode/designer/edit-applier';

const seedText = readFileSync(path.resolve(__dirname, '../../../samples/seed.ppvnet.json'), 'utf8');

function apply(text: string, r: { offset: number; length: number; text: string }): string {
  return text.slice(0, r.offset) + r.text + text.slice(r.offset + r.length);
}

describe('computeEditReplacement', () => {
  it('renames an element by replacing only the name', () => {
    const r = computeEditReplacement(seedText, { op: 'updateElement', id: 'kv', set: { name: 'kv-renamed' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.replacement).toBeDefined();
    expect(r.replacement!.length).toBeLessThan(20);
    const after = apply(seedText, r.replacement!);
    const loaded = loadDesign(after);
    expect(loaded.ok && loaded.design.elements.find((e) => e.id === 'kv')?.name).toBe('kv-renamed');
    expect(after.split('\n').filter((l, i) => l !== seedText.split('\n')[i])).toHaveLength(1);
  });

  it('returns no replacement for an edit that changes nothing', () => {
    const r = computeEditReplacement(seedText, { op: 'moveElements', moves: [{ id: 'env-prod', position: { x: 0, y: 0 } }] });
    expect(r).toMatchObject({ ok: true, replacement: undefined });
  });

  it('keeps CRLF line endings', () => {
    const crlf = seedText.replace(/\n/g, '\r\n');
    const r = computeEditReplacement(crlf, { op: 'moveElements', moves: [{ id: 'kv', position: { x: 7, y: 9 } }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const after = apply(crlf, r.replacement!);
    expect(after.match(/\r\n/g)?.length).toBe(crlf.match(/\r\n/g)?.length);
    expect(after).not.toMatch(/[^\r]\n/);
  });

  it('refuses edits to a document that does not load', () => {
    const broken = seedText.replace('"version": 1', '"version": 1,,');
    const r = computeEditReplacement(broken, { op: 'updateElement', id: 'kv', set: { name: 'x' } });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/does not load/) });
  });

  it('refuses an edit that would break the document, with the reason', () => {
    const r = computeEditReplacement(seedText, { op: 'updateElement', id: 'snet-pp-weu', set: { parent: 'env-prod' } });
    expect(r.ok).toBe(false);
    const unknown = computeEditReplacement(seedText, { op: 'updateElement', id: 'nope', set: { name: 'x' } });
    expect(unknown).toMatchObject({ ok: false, error: expect.stringMatching(/No element "nope"/) });
  });

  it('keeps a BOM exactly once, with the replacement offset counted in the document text (#12 case 11)', () => {
    const marked = '\uFEFF' + seedText;
    const r = computeEditReplacement(marked, { op: 'updateElement', id: 'kv', set: { name: 'kv-renamed' } });
    if (!r.ok) throw new Error(r.error);
    // The same small replacement as without the BOM, one code unit further on.
    const plain = computeEditReplacement(seedText, { op: 'updateElement', id: 'kv', set: { name: 'kv-renamed' } });
    if (!plain.ok) throw new Error(plain.error);
    expect(r.replacement).toEqual({ ...plain.replacement!, offset: plain.replacement!.offset + 1 });
    const after = apply(marked, r.replacement!);
    expect(after).toBe('\uFEFF' + apply(seedText, plain.replacement!));
    const reloaded = loadDesign(after);
    expect(reloaded.ok && reloaded.design.elements.find((e) => e.id === 'kv')?.name).toBe('kv-renamed');
    // A second edit on the result still finds one BOM to keep.
    const again = computeEditReplacement(after, { op: 'moveElements', moves: [{ id: 'env-prod', position: { x: 3, y: 4 } }] });
    if (!again.ok) throw new Error(again.error);
    expect(apply(after, again.replacement!).match(/\uFEFF/g)).toHaveLength(1);
  });

  it('does not add a BOM to a document without one', () => {
    const r = computeEditReplacement(seedText, { op: 'setDesignInfo', name: 'Renamed' });
    if (!r.ok) throw new Error(r.error);
    expect(apply(seedText, r.replacement!).charCodeAt(0)).toBe('{'.charCodeAt(0));
  });
});
