// The address map as standalone SVG text for `ppvnet plan-addresses --svg`: the laid-out shapes written
// out with every label escaped, and hatch patterns so reserved and on-premises ranges survive greyscale.
import { escapeXml, num } from '../diagram/svg-text';
import type { AddressMap } from './address-map';
import { layoutAddressMap, type MapShape } from './address-map-layout';
import { MAP_PATTERNS, mapFill } from './address-map-style';

function shape(s: MapShape): string {
  switch (s.type) {
    case 'rect': {
      const { fill, stroke } = mapFill(s.kind);
      const title = s.title === undefined ? '' : `<title>${escapeXml(s.title)}</title>`;
      return `<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.width)}" height="${num(s.height)}" fill="${fill}" stroke="${stroke}" stroke-width="0.8">${title}</rect>`;
    }
    case 'line':
      return `<line x1="${num(s.x1)}" y1="${num(s.y1)}" x2="${num(s.x2)}" y2="${num(s.y2)}" stroke="#4a5568" stroke-width="1"/>`;
    case 'text':
      return `<text x="${num(s.x)}" y="${num(s.y)}" font-size="${num(s.size)}" text-anchor="${s.anchor}"${s.bold ? ' font-weight="bold"' : ''}>${escapeXml(s.text)}</text>`;
  }
}

export function renderAddressMapSvg(map: AddressMap): string {
  const picture = layoutAddressMap(map);
  const patterns = MAP_PATTERNS.map((p) => `<pattern id="${p.id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(${p.angle})"><rect width="6" height="6" fill="${p.background}"/><line x1="0" y1="0" x2="0" y2="6" stroke="${p.stroke}" stroke-width="2"/></pattern>`).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${picture.width}" height="${picture.height}" viewBox="0 0 ${picture.width} ${picture.height}" role="img" aria-label="Address map" font-family="sans-serif" fill="#1a202c">`,
    `<defs>${patterns}</defs>`,
    `<rect width="${picture.width}" height="${picture.height}" fill="#ffffff"/>`,
    ...picture.shapes.map(shape),
    '</svg>',
    '',
  ].join('\n');
}
