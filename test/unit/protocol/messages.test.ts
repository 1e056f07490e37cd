// Webview messages are untrusted: only well-formed messages of the protocol pass.
import { describe, expect, it } from 'vitest';
import { parseWebviewMessage } from '../../../src/core/protocol/messages';

describe('parseWebviewMessage', () => {
  it('accepts the protocol messages', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'edit', requestId: 1, baseVersion: 3, label: 'Move', edit: { op: 'moveElements', moves: [{ id: 'a', position: { x: 1, y: 2 } }] } },
      { type: 'edit', requestId: 2, baseVersion: 3, label: 'Paste', edit: { op: 'batch', edits: [{ op: 'removeElements', ids: ['a'] }, { op: 'setDesignInfo', description: null }] } },
      { type: 'command', command: 'undo' },
      { type: 'log', level: 'warn', message: 'x' },
    ]) expect(parseWebviewMessage(m), JSON.stringify(m)).toMatchObject({ ok: true });
  });

  it('rejects anything else', () => {
    for (const m of [
      null, 'ready', { type: 'nope' }, { type: 'ready', extra: 1 },
      { type: 'command', command: 'workbench.action.terminal.new' },
      { type: 'edit', requestId: 1, baseVersion: 1, label: 'x', edit: { op: 'deleteEverything' } },
      { type: 'edit', requestId: 1, baseVersion: 1, label: 'x', edit: { op: 'moveElements', moves: [{ id: 'a', position: { x: Infinity, y: 0 } }] } },
      { type: 'diagramExported', requestId: 1, format: 'gif', data: '' },
    ]) expect(parseWebviewMessage(m), JSON.stringify(m)).toMatchObject({ ok: false });
  });

  it('bounds batch nesting', () => {
    let edit: unknown = { op: 'removeElements', ids: ['a'] };
    for (let i = 0; i < 10; i++) edit = { op: 'batch', edits: [edit] };
    expect(parseWebviewMessage({ type: 'edit', requestId: 1, baseVersion: 1, label: 'x', edit }).ok).toBe(false);
  });
});
