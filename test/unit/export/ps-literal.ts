// PowerShell's reading of single-quoted literals (about_Quoting_Rules: ASCII ' and U+2018–U+201B all quote, a
// doubled quote is one quote), for tests that check a generated script holds hostile names as data only.

const QUOTES = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);

/** The literal starting at `at`: its value and the index just after its closing quote. */
export function readPsLiteral(text: string, at: number): { value: string; end: number } {
  if (!QUOTES.has(text[at]!)) throw new Error(`no literal at ${at}`);
  let value = '';
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i]!;
    if (!QUOTES.has(c)) { value += c; continue; }
    if (QUOTES.has(text[i + 1] ?? '')) { value += c; i++; continue; }
    return { value, end: i + 1 };
  }
  throw new Error('unterminated literal');
}

/**
 * A script split into its code and the values of its single-quoted literals, comments dropped. The
 * scanner is simple on purpose: it is right for scripts whose double-quoted strings and block comments hold
 * no quote characters, which is how the exporters write them (block comments may); a stray quote shows as an unterminated literal.
 */
export function splitPsScript(text: string): { code: string; literals: string[] } {
  let code = '';
  const literals: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '<' && text[i + 1] === '#') {
      const close = text.indexOf('#>', i + 2);
      if (close < 0) throw new Error('unterminated block comment');
      i = close + 1;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!)) && text[i + 1] !== '>') {
      while (i < text.length && text[i] !== '\n') i++;
      code += '\n';
      continue;
    }
    if (QUOTES.has(c)) {
      const lit = readPsLiteral(text, i);
      literals.push(lit.value);
      code += "''";
      i = lit.end - 1;
      continue;
    }
    code += c;
  }
  return { code, literals };
}
