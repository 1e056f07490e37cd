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

/** Maps UTF-16 offsets to line/character in O(log lines). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  position(offset: number): TextPos {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }

  range(offset: number, length: number): SourceRange {
    return { start: this.position(offset), end: this.position(offset + length) };
  }

  offset(pos: TextPos): number {
    const start = this.starts[Math.min(pos.line, this.starts.length - 1)] ?? 0;
    return Math.min(start + pos.character, this.text.length);
  }
}

export const ZERO_RANGE: SourceRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
