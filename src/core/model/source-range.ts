// Text positions shared by the loader, the IaC readers and every consumer: zero-based line/character
// like LSP and vscode.Position, plus the byte-independent UTF-16 offset.

export interface TextPos {
  readonly line: number;
  readonly character: number;
}

export interface SourceRange {
  readonly start: TextPos;
  readonly end: TextPos;
}

/** A range in a named file (workspace-relative or absolute path, as the reader was given it). */
export interface SourceLocation {
  readonly file: string;
  readonly range: SourceRange;
}

/** Maps UTF-16 offsets to line/character in O(log lines); line starts are found on first use only. */
export class LineIndex {
  /** `lineStarts`, when given, are the text's line starts as this class finds them (the span scan's). */
  constructor(readonly text: string, private lineStarts?: readonly number[]) {}

  private get starts(): readonly number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    if (text.indexOf('\r') === -1) {
      // The usual case, LF only: the native search finds line ends far faster than a character loop.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      return (this.lineStarts = starts);
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    return (this.lineStarts = starts);
  }

  position(offset: number): TextPos {
    const o = this.clamp(offset);
    const line = this.lineAt(o, 0);
    return { line, character: o - this.starts[line]! };
  }

  range(offset: number, length: number): SourceRange {
    return this.between(offset, offset + length);
  }

  /** The range from offset `start` to offset `end`: one search, as most ranges start and end on one line. */
  between(start: number, end: number): SourceRange {
    const starts = this.starts;
    const s = this.clamp(start);
    const e = this.clamp(end);
    const line = this.lineAt(s, 0);
    const next = starts[line + 1];
    const endLine = e < s ? this.lineAt(e, 0) : next === undefined || next > e ? line : this.lineAt(e, line);
    return { start: { line, character: s - starts[line]! }, end: { line: endLine, character: e - starts[endLine]! } };
  }

  private clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.text.length));
  }

  /** The line of offset `o` (clamped), searching from line `lo` on. */
  private lineAt(o: number, from: number): number {
    const starts = this.starts;
    let lo = from;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  offset(pos: TextPos): number {
    const start = this.starts[Math.min(pos.line, this.starts.length - 1)] ?? 0;
    return Math.min(start + pos.character, this.text.length);
  }
}

export const ZERO_RANGE: SourceRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
