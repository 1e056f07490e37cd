// The designer's edit queue: strictly one task at a time, and a failed task is reported without stalling the rest
// (before it, one rejected edit silently dropped every later edit of that editor).
import { describe, expect, it } from 'vitest';
import { SerialQueue } from '../../../src/vscode/designer/serial-queue';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('SerialQueue', () => {
  it('runs tasks in order, never two at once', async () => {
    const q = new SerialQueue();
    const log: string[] = [];
    let running = 0;
    const task = (name: string) => async () => {
      running++;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      running--;
    };
    await Promise.all([q.run(task('a'), () => {}), q.run(task('b'), () => {}), q.run(task('c'), () => {})]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('reports a failed task and still runs the next ones', async () => {
    const q = new SerialQueue();
    const errors: unknown[] = [];
    const ran: string[] = [];
    const failing = q.run(async () => { throw new Error('applyEdit blew up'); }, (e) => { errors.push(e); });
    const next = q.run(async () => { ran.push('second'); }, (e) => { errors.push(e); });
    await expect(failing).resolves.toBeUndefined();
    await next;
    expect((errors[0] as Error).message).toBe('applyEdit blew up');
    expect(errors).toHaveLength(1);
    expect(ran).toEqual(['second']);
  });

  it('survives an error handler that throws as well', async () => {
    const q = new SerialQueue();
    await q.run(async () => { throw new Error('x'); }, () => { throw new Error('the webview is gone'); });
    let ran = false;
    await q.run(async () => { ran = true; }, () => {});
    expect(ran).toBe(true);
  });
});
