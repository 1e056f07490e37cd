// Keyboard shortcuts: undo/redo/save go to VS Code, editing keys stay in text boxes.
import { describe, expect, it } from 'vitest';
import { shortcutOf } from '../../../webview/keyboard/shortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcutOf', () => {
  it('maps the undo family the way VS Code does', () => {
    expect(shortcutOf(key('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutOf(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutOf(key('y', { ctrlKey: true }))).toBe('redo');
    expect(shortcutOf(key('s', { metaKey: true }))).toBe('save');
  });
  it('maps canvas editing keys', () => {
    expect(shortcutOf(key('Delete'))).toBe('delete');
    expect(shortcutOf(key('Backspace'))).toBe('delete');
    expect(shortcutOf(key('c', { ctrlKey: true }))).toBe('copy');
    expect(shortcutOf(key('v', { ctrlKey: true }))).toBe('paste');
    expect(shortcutOf(key('d', { ctrlKey: true }))).toBe('duplicate');
  });
  it('ignores plain typing and Alt chords', () => {
    expect(shortcutOf(key('z'))).toBeUndefined();
    expect(shortcutOf(key('z', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(shortcutOf(key('Delete', { shiftKey: true }))).toBeUndefined();
  });
});
