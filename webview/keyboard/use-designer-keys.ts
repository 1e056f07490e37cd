// The designer's keyboard shortcuts on the whole page: undo, redo and save go to the host; delete, copy,
// paste, duplicate and select-all act on the canvas, unless focus is in a text box or a side panel.
import { useEffect, useRef } from 'react';
import { isTextInput, shortcutOf } from './shortcuts';

export interface DesignerKeyActions {
  forward(action: 'undo' | 'redo' | 'save'): void;
  delete(): void;
  copy(): void;
  paste(): void;
  duplicate(): void;
  selectAll(): void;
}

export function useDesignerKeys(actions: DesignerKeyActions): void {
  // The listener is installed once; it calls whatever the latest render passed.
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      const action = shortcutOf(ev);
      if (!action) return;
      const inText = isTextInput(ev.target);
      // In a text box the box's own editing wins (and VS Code forwards undo/redo/save itself). Select-all
      // is the box's alone: forwarded, VS Code sends a second select-all back a moment later, which would
      // select whatever was typed meanwhile.
      if (inText) {
        if (action === 'selectAll') ev.stopPropagation();
        return;
      }
      const canvasAction = action === 'delete' || action === 'copy' || action === 'paste' || action === 'duplicate' || action === 'selectAll';
      if (canvasAction && (ev.target as HTMLElement | null)?.closest?.('.palette, .inspector, .problems, .toolbar')) return;
      ev.preventDefault();
      // Stop VS Code's webview wrapper from forwarding the key too, or undo would run twice.
      ev.stopPropagation();
      const a = latest.current;
      switch (action) {
        case 'undo': case 'redo': case 'save': a.forward(action); break;
        case 'delete': a.delete(); break;
        case 'copy': a.copy(); break;
        case 'paste': a.paste(); break;
        case 'duplicate': a.duplicate(); break;
        case 'selectAll': a.selectAll(); break;
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);
}
