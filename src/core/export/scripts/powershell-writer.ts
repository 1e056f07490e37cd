// The one escaping writer for PowerShell output: single-quoted literals and line comments. PowerShell reads
// U+2018–U+201B as single quotes too, so doubling only ASCII `'` would let a name close the literal and run code.

/** Every character PowerShell's tokenizer takes as a single quote (ASCII and the four typographic ones). */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;
/** Line breaks PowerShell honours, and other control characters that have no business in a script. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/** A single-quoted literal whose value is exactly `text`: each quote character doubled, nothing interpolated. */
export function psString(text: string): string {
  return `'${text.replace(SINGLE_QUOTES, (q) => q + q)}'`;
}

/**
 * Text for after `#` on one line: control characters and line breaks become spaces, so a name cannot end the
 * comment; `#>` is broken up so the text can never close a surrounding block comment either.
 */
export function psCommentText(text: string): string {
  return text.replace(CONTROL, ' ').replace(/#>/g, '# >');
}

/** A message for inside a literal: one line, no control characters, then quoted. */
export function psMessage(text: string): string {
  return psString(text.replace(CONTROL, ' '));
}

/**
 * The opening every exported script shares: comment-based help, the parameters, strict mode, stop on the first
 * error, and Microsoft's EnterprisePolicies module. `help` is fixed text of ours; design text goes only into
 * `params`, through psString.
 */
export function psEnterprisePoliciesScript(help: readonly string[], params: readonly string[]): string[] {
  return [
    '<#',
    ...help,
    '#>',
    '[CmdletBinding()]',
    'param(',
    params.join(',\n'),
    ')',
    '',
    'Set-StrictMode -Version Latest',
    "$ErrorActionPreference = 'Stop'",
    'Import-Module Microsoft.PowerPlatform.EnterprisePolicies',
  ];
}
