// The host channel: ready on start, stale versions dropped, edits serialised on the host's answers.
import { describe, expect, it } from 'vitest';
import { HostChannel } from '../../../webview/host/host-channel';
import type { HostToWebview } from '../../../src/core/protocol/messages';

function setup() {
  const posted: Record<string, unknown>[] = [];
  let deliver: (data: unknown) => void = () => {};
  const target = { addEventListener: (_: string, fn: (ev: Event) => void) => { deliver = (data) => fn({ data } as MessageEvent); } };
  const channel = new HostChannel({ postMessage: (m) => posted.push(m as Record<string, unknown>), getState: () => undefined, setState: () => {} }, target as unknown as Window);
  const seen: HostToWebview[] = [];
  channel.onMessage((m) => seen.push(m));
  return { channel, posted, deliver, seen };
}

const state = { ok: true as const, design: { version: 1 as const, name: 'd', elements: [], relations: [] }, findings: [] };

describe('HostChannel', () => {
  it('ignores document states older than the one it has', () => {
    const { channel, deliver, seen } = setup();
    deliver({ type: 'documentChanged', version: 5, state });
    deliver({ type: 'documentChanged', version: 3, state });
    deliver({ type: 'documentChanged', version: 6, state });
    expect(seen.map((m) => (m as { version: number }).version)).toEqual([5, 6]);
    expect(channel.documentVersion).toBe(6);
  });

  it('sends one edit at a time, each based on the version the previous answer brought', () => {
    const { channel, deliver, posted } = setup();
    deliver({ type: 'init', version: 1, fileName: 'a', state, settings: { readOnly: false, validationDelayMs: 0 } });
    const a = channel.edit('A', { op: 'setDesignInfo', name: 'a' });
    const b = channel.edit('B', { op: 'setDesignInfo', name: 'b' });
    expect(posted.filter((m) => m.type === 'edit').map((m) => [m.requestId, m.baseVersion])).toEqual([[a, 1]]);
    deliver({ type: 'documentChanged', version: 2, state });
    deliver({ type: 'editResult', requestId: a, ok: true });
    expect(posted.filter((m) => m.type === 'edit').map((m) => [m.requestId, m.baseVersion])).toEqual([[a, 1], [b, 2]]);
  });

  it('drops queued edits when the one in flight is refused', () => {
    const { channel, deliver, posted } = setup();
    const a = channel.edit('A', { op: 'setDesignInfo', name: 'a' });
    channel.edit('B', { op: 'setDesignInfo', name: 'b' });
    deliver({ type: 'editResult', requestId: a, ok: false, error: 'no' });
    expect(posted.filter((m) => m.type === 'edit')).toHaveLength(1);
  });

  it('says ready and forwards commands', () => {
    const { channel, posted } = setup();
    channel.ready();
    channel.command('undo');
    channel.command('openRuleDoc', 'PPV-001');
    expect(posted).toEqual([{ type: 'ready' }, { type: 'command', command: 'undo' }, { type: 'command', command: 'openRuleDoc', argument: 'PPV-001' }]);
  });
});
