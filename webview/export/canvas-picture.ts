// The design drawn as a picture for the host's "Export Diagram": the core's one renderer draws the SVG
// (the same picture as the CLI's and the diff's), and the PNG is that SVG rasterised in the webview.
import { renderDesignPicture } from '../../src/core/diagram/render-svg';
import type { Design } from '../../src/core/model/schema';
import type { Finding } from '../../src/core/rules/rule';
import { svgToPngBase64 } from './rasterise-svg';

export async function canvasPicture(design: Design | undefined, findings: readonly Finding[], format: 'svg' | 'png'): Promise<string> {
  const picture = renderDesignPicture(design ?? { version: 1, name: 'Design', elements: [], relations: [] }, { findings });
  return format === 'svg' ? picture.svg : svgToPngBase64(picture.svg, picture.width, picture.height);
}
