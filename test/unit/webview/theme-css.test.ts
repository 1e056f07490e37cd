// The designer's stylesheet takes every colour from VS Code's theme variables: a literal colour is allowed
// only as the fallback inside var(--vscode-…, fallback), for themes that do not define that variable.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync(path.resolve(__dirname, '../../../webview/theme/designer.css'), 'utf8');
const COLOUR_PROPERTY = /(^|-)(color|background|border|outline|fill|stroke|shadow)/;
const LITERAL = /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|\b(white|black|red|blue|gr[ae]y|green|orange|purple|yellow)\b/i;

/** The value with every var(...) call (and its fallback) removed, parentheses balanced. */
function withoutVars(value: string): string {
  let out = '';
  for (let i = 0; i < value.length;) {
    if (value.startsWith('var(', i)) {
      let depth = 0;
      let j = i;
      for (; j < value.length; j++) {
        if (value[j] === '(') depth++;
        else if (value[j] === ')' && --depth === 0) break;
      }
      i = j + 1;
      out += ' ';
    } else out += value[i++];
  }
  return out;
}

describe('designer.css', () => {
  it('uses no literal colour outside a var() fallback', () => {
    const declarations = [...CSS.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([a-z-]+)\s*:\s*([^;{}]+)/gi)];
    expect(declarations.length).toBeGreaterThan(100);
    const literal = declarations
      .filter(([, prop]) => COLOUR_PROPERTY.test(prop!))
      .filter(([, , value]) => LITERAL.test(withoutVars(value!)))
      .map(([text]) => text.trim());
    expect(literal).toEqual([]);
  });

  it('every var() it reads is a VS Code theme variable or React Flow\'s own', () => {
    const names = [...CSS.matchAll(/var\((--[a-z0-9-]+)/gi)].map((m) => m[1]!);
    expect(names.filter((n) => !n.startsWith('--vscode-') && !n.startsWith('--rf-'))).toEqual([]);
  });
});
