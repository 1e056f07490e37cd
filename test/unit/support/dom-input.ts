// Typing and key presses on real DOM inputs under jsdom, the way React sees them from a browser: the value
// is set through the native setter (React ignores a plain assignment) and the events bubble.
import { act } from 'react';

export function typeText(input: HTMLInputElement, text: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function pressKey(target: HTMLElement, key: string): void {
  act(() => { target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })); });
}
