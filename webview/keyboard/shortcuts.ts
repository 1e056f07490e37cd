// Keyboard shortcuts of the designer, as pure functions of the key event (testable without a page).

export type Shortcut = 'undo' | 'redo' | 'save' | 'delete' | 'copy' | 'paste' | 'duplicate' | 'selectAll';

export function shortcutOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): Shortcut | undefined {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (e.altKey) return undefined;
  if (mod && key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y' && !e.shiftKey) return 'redo';
  if (mod && key === 's' && !e.shiftKey) return 'save';
  if (mod && key === 'c' && !e.shiftKey) return 'copy';
  if (mod && key === 'v' && !e.shiftKey) return 'paste';
  if (mod && key === 'd' && !e.shiftKey) return 'duplicate';
  if (mod && key === 'a' && !e.shiftKey) return 'selectAll';
  if (!mod && !e.shiftKey && (key === 'delete' || key === 'backspace')) return 'delete';
  return undefined;
}

/** Text boxes keep their own editing keys. */
export function isTextInput(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || el.isContentEditable) return true;
  if (tag === 'input') return !['checkbox', 'radio', 'button', 'submit'].includes(((el as HTMLInputElement).type || 'text').toLowerCase());
  // The toolkit's text fields keep their input in a shadow root; the event is retargeted to the host element.
  return tag === 'vscode-text-field' || tag === 'vscode-text-area';
}
