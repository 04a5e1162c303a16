import type { Span } from './diagnostics.ts';

export interface LineIndex {
  /** 1-based line and column of a start and end offset. */
  span(start: number, end: number): Span;
}

/** Maps string offsets to lines and columns with a binary search over line starts. */
export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const point = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
  return {
    span(start, end) {
      const from = point(start);
      const to = point(Math.max(start, end));
      return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
    },
  };
}
