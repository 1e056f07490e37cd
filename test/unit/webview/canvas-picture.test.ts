// The webview's picture export draws with the core's one renderer: the SVG it hands the host is the CLI's.
import { describe, expect, it } from 'vitest';
import { renderDesignSvg } from '../../../src/core/diagram/render-svg';
import { validateDesign } from '../../../src/core/rules/engine';
import { canvasPicture } from '../../../webview/export/canvas-picture';
import { loadSample } from '../support/designs';

describe('canvasPicture', () => {
  it('is the core renderer’s SVG of the design and its findings', async () => {
    const seed = loadSample('seed');
    const findings = validateDesign(seed);
    expect(findings.length).toBeGreaterThan(0);
    const svg = await canvasPicture(seed, findings, 'svg');
    expect(svg).toBe(renderDesignSvg(seed, { findings }));
    expect(svg).toContain('class="ppv-badge"');
  });

  it('draws no design as an empty picture rather than failing', async () => {
    expect(await canvasPicture(undefined, [], 'svg')).toContain('0 elements');
  });
});
