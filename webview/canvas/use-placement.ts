// Palette placement on the page: a drop at the pointer, a click or key near the middle of the canvas;
// the edit itself is model/place-item.
import { useCallback } from 'react';
import { placeItem } from '../model/place-item';
import type { PaletteItem } from '../model/element-factory';
import type { PageTools } from '../state/page-tools';

export function usePlacement({ flow, designRef, selectionRef, setSelection, edit, say }: PageTools) {
  const place = useCallback((item: PaletteItem, point: { x: number; y: number }, fromKeyboard: boolean) => {
    const d = designRef.current;
    if (!d) return;
    const placed = placeItem(d, { item, point, fromKeyboard, nodes: flow.getNodes(), selection: selectionRef.current });
    if (!placed.ok) return say(placed.message, 'error');
    if (edit(`Add ${item.label}`, placed.edit)) {
      setSelection([placed.element.id]);
      say(`Added ${item.label.toLowerCase()} "${placed.element.name}".`);
    }
  }, [designRef, edit, flow, say, selectionRef, setSelection]);

  const onDropItem = useCallback((item: PaletteItem, screen: { x: number; y: number }) => place(item, flow.screenToFlowPosition(screen), false), [flow, place]);
  const onPaletteAdd = useCallback((item: PaletteItem) => {
    const rect = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    const centre = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
    place(item, flow.screenToFlowPosition(centre), true);
  }, [flow, place]);
  return { onDropItem, onPaletteAdd };
}
