// The validation debounce: immediate when quiet, one trailing run after a burst, never loses the last change.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LatestDebouncer } from '../../../src/vscode/shared/latest-debouncer';

describe('LatestDebouncer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first change at once and a burst once more after it settles, with the latest value', () => {
    let value = 0;
    const seen: number[] = [];
    const d = new LatestDebouncer(() => seen.push(value), () => 300, () => Date.now());
    value = 1;
    d.trigger();
    expect(seen).toEqual([1]);
    for (let i = 2; i <= 10; i++) {
      value = i;
      d.trigger();
      vi.advanceTimersByTime(50);
    }
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(300);
    expect(seen).toEqual([1, 10]);
    expect(d.pending).toBe(false);
  });

  it('runs at once again after a quiet period', () => {
    const seen: number[] = [];
    const d = new LatestDebouncer(() => seen.push(Date.now()), () => 100, () => Date.now());
    d.trigger();
    vi.advanceTimersByTime(150);
    d.trigger();
    expect(seen).toHaveLength(2);
  });

  it('flush runs now and cancels the pending run; dispose cancels too', () => {
    let runs = 0;
    const d = new LatestDebouncer(() => runs++, () => 1000, () => Date.now());
    d.trigger();
    d.trigger();
    expect(d.pending).toBe(true);
    d.flush();
    expect(runs).toBe(2);
    vi.advanceTimersByTime(2000);
    expect(runs).toBe(2);
    d.trigger();
    expect(runs).toBe(3);
    d.trigger();
    d.dispose();
    vi.advanceTimersByTime(2000);
    expect(runs).toBe(3);
  });
});
