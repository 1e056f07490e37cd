// Fitting the view to boxes known before they are drawn (the result of an auto-layout).
import { describe, expect, it } from 'vitest';
import { viewportShowing } from '../../../webview/model/viewport-fit';

const onScreen = (v: { x: number; y: number; zoom: number }, b: { x: number; y: number; width: number; height: number }) =>
  ({ left: v.x + b.x * v.zoom, top: v.y + b.y * v.zoom, right: v.x + (b.x + b.width) * v.zoom, bottom: v.y + (b.y + b.height) * v.zoom });

describe('viewportShowing', () => {
  it('puts every box inside the pane, centred, inside the padding', () => {
    const boxes = [{ x: -200, y: 40, width: 200, height: 76 }, { x: 900, y: 1400, width: 380, height: 300 }];
    const v = viewportShowing(boxes, 900, 560, 0.1)!;
    const all = boxes.map((b) => onScreen(v, b));
    const left = Math.min(...all.map((r) => r.left));
    const right = Math.max(...all.map((r) => r.right));
    const top = Math.min(...all.map((r) => r.top));
    const bottom = Math.max(...all.map((r) => r.bottom));
    expect(top).toBeCloseTo(56);
    expect(bottom).toBeCloseTo(504);
    expect(left).toBeGreaterThanOrEqual(90);
    expect(right).toBeLessThanOrEqual(810);
    expect((left + right) / 2).toBeCloseTo(450);
  });

  it('never zooms a small drawing in beyond the cap, and shows nothing for no boxes', () => {
    expect(viewportShowing([{ x: 10, y: 10, width: 200, height: 76 }], 900, 560)!.zoom).toBe(1);
    expect(viewportShowing([], 900, 560)).toBeUndefined();
  });
});
