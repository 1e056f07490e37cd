// fitId and the ids derived with it (freshId, the IaC reader, the Azure import): at most 64 characters,
// never a silent cut, the same input the same id.
import { describe, expect, it } from 'vitest';
import { freshId } from '../../../src/core/model/design-edits';
import { fitId } from '../../../src/core/model/fit-id';
import { designSchema, type Design } from '../../../src/core/model/schema';

const long = (tail: string) => `${'n'.repeat(60)}-${tail}`;

describe('fitId', () => {
  it('keeps an id that fits as it is', () => {
    expect(fitId('vnet-hub')).toBe('vnet-hub');
    expect(fitId('x'.repeat(64))).toBe('x'.repeat(64));
  });

  it('ends a longer one in a hash of all of it, so ids sharing 64 characters stay apart', () => {
    const a = fitId(long('subnet-a'));
    const b = fitId(long('subnet-b'));
    expect(a).toHaveLength(64);
    expect(a).toMatch(/^n{55}-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(fitId(long('subnet-a'))).toBe(a);
  });

  it('leaves room for a suffix', () => {
    expect(fitId(long('x'), 3).length).toBeLessThanOrEqual(61);
  });
});

describe('freshId', () => {
  it('gives schema-valid, distinct ids for prefixes built from two long ids', () => {
    const design = { version: 1, name: 'd', elements: [], relations: [] } as unknown as Design;
    const a = freshId(design, `${long('nat')}-${long('subnet-a')}`);
    const b = freshId(design, `${long('nat')}-${long('subnet-b')}`);
    expect(a).not.toBe(b);
    for (const id of [a, b]) {
      expect(id.length).toBeLessThanOrEqual(64);
      const withIt = { ...design, elements: [{ id, kind: 'vnet', name: 'v', addressSpaces: ['10.0.0.0/16'] }] };
      expect(designSchema.safeParse(withIt).success).toBe(true);
    }
  });
});
