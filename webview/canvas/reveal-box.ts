// Brings a box of the flow (e.g. what was just pasted) into view when it is not already fully visible,
// keeping the zoom unless the box is larger than the canvas.
import type { ReactFlowInstance } from 'reactflow';
import type { Box } from '../model/placement';

export function revealBox(flow: Pick<ReactFlowInstance, 'screenToFlowPosition' | 'fitBounds'>, box: Box | undefined): void {
  const rect = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
  if (!box || !rect || rect.width === 0) return;
  const a = flow.screenToFlowPosition({ x: rect.left, y: rect.top });
  const b = flow.screenToFlowPosition({ x: rect.right, y: rect.bottom });
  if (box.x >= a.x && box.y >= a.y && box.x + box.width <= b.x && box.y + box.height <= b.y) return;
  // Show the box together with what was visible, so the user sees the copy next to its original.
  const x = Math.min(a.x, box.x);
  const y = Math.min(a.y, box.y);
  flow.fitBounds({ x, y, width: Math.max(b.x, box.x + box.width) - x, height: Math.max(b.y, box.y + box.height) - y }, { padding: 0.05, duration: 200 });
}
