// Debounce that never drops the latest state: the first change after a quiet period runs at once (an
// edit shows immediately), a burst runs once more after it settles, always with whatever is current then.

export class LatestDebouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRun = -Infinity;

  constructor(
    private readonly run: () => void,
    private readonly delayMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Something changed: run now if quiet, else once the burst has settled. */
  trigger(): void {
    const delay = Math.max(0, this.delayMs());
    if (this.timer === undefined && this.now() - this.lastRun >= delay) {
      this.fire();
      return;
    }
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), delay);
  }

  /** Run now and cancel any pending run (e.g. before answering an edit, so the answer is current). */
  flush(): void {
    this.fire();
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.lastRun = this.now();
    this.run();
  }
}
