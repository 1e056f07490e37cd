// Callbacks that node components need from the canvas (a context, so memoised nodes need no new props).
import { createContext } from 'react';

export interface CanvasCallbacks {
  /** A VNet container was resized by its handles; position is relative to its parent (the canvas). */
  resized(id: string, box: { x: number; y: number; width: number; height: number }): void;
}

export const CanvasCallbacksContext = createContext<CanvasCallbacks>({ resized: () => {} });
