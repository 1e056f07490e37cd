// The status line's state: a message that clears itself, errors staying twice as long as news.
import { useCallback, useRef, useState } from 'react';

export type Status = { readonly text: string; readonly tone: 'info' | 'error' } | undefined;

export function useStatus(): { readonly status: Status; say(text: string, tone?: 'info' | 'error'): void } {
  const [status, setStatus] = useState<Status>();
  const timer = useRef<number | undefined>(undefined);
  const say = useCallback((text: string, tone: 'info' | 'error' = 'info') => {
    setStatus({ text, tone });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setStatus(undefined), tone === 'error' ? 8000 : 4000);
  }, []);
  return { status, say };
}
