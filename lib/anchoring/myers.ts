/**
 * Myers' O((N+M)·D) shortest edit script over integer sequences (tokens
 * already interned). Only what the text diff needs: the changed regions.
 */

/** A changed region in sequence indices: a[aStart..aEnd) became b[bStart..bEnd). */
export interface IndexHunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * Returns the hunks of a shortest edit script turning `a` into `b`, in order,
 * or null when more than `maxEdits` token edits would be needed. The cap bounds
 * both time and the O(D²) trace kept for backtracking; the caller falls back
 * to a coarser diff.
 */
export function diffSequences(a: Int32Array, b: Int32Array, maxEdits: number): IndexHunk[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(maxEdits, n + m);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  // trace[d] holds v[-d..d] as it was after round d, for backtracking.
  const trace: Int32Array[] = [];

  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
      let x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(trace, n, m);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return null;
}

/** Walks the trace back from (n, m), collecting the diagonal runs (equal tokens). */
function backtrack(trace: Int32Array[], n: number, m: number): IndexHunk[] {
  const equalRuns: Array<[number, number, number]> = []; // [x, y, length], last first
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1]; // index k + (d - 1)
    const k = x - y;
    const at = (kk: number) => prev[kk + d - 1];
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const snakeX = down ? prevX : prevX + 1;
    if (x > snakeX) equalRuns.push([snakeX, snakeX - k, x - snakeX]);
    x = prevX;
    y = prevY;
  }
  if (x > 0) equalRuns.push([0, 0, x]); // the opening diagonal of round 0

  const hunks: IndexHunk[] = [];
  let ax = 0;
  let by = 0;
  for (let i = equalRuns.length - 1; i >= -1; i--) {
    const [rx, ry, len] = i >= 0 ? equalRuns[i] : [n, m, 0];
    if (rx > ax || ry > by) hunks.push({ aStart: ax, aEnd: rx, bStart: by, bEnd: ry });
    ax = rx + len;
    by = ry + len;
  }
  return hunks;
}
