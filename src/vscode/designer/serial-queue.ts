// Runs tasks one after another, and keeps running them after one fails: the designer's edits go through it so a
// version check and its write never interleave, and one refused or crashed edit cannot stall every later one.

export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  /**
   * Queues `task`; resolves when it has run. A failure goes to `onError` (which answers the webview) and never
   * reaches the queue, so the next task starts regardless. An `onError` that throws is swallowed for the same reason.
   */
  run(task: () => Promise<void>, onError: (error: unknown) => Promise<void> | void): Promise<void> {
    const next = this.tail.then(task).catch(async (e: unknown) => {
      try {
        await onError(e);
      } catch {
        // Nothing left to tell: the queue must stay alive.
      }
    });
    this.tail = next;
    return next;
  }
}
