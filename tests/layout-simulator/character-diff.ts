/**
 * Character diff (Myers' O(ND) algorithm) between two strings, with the alignment it implies, so that the
 * scorer can count characters lost and added and carry a position in one text over to the other. Common
 * prefix and suffix are stripped first; past `MAX_EDITS` the middle counts as wholly replaced (the
 * comparison is then hopeless anyway, and the cost stays bounded).
 */

const MAX_EDITS = 4000;

export interface CharacterDiff {
  /** Characters of `a` with no counterpart in `b`. */
  lost: number;
  /** Characters of `b` with no counterpart in `a`. */
  added: number;
  /** For each index of `a`, the index of its counterpart in `b`, or -1. */
  map: Int32Array;
  /** Runs of consecutive lost / added characters, for reports. */
  lostRuns: string[];
  addedRuns: string[];
}

export function diffCharacters(a: string, b: string): CharacterDiff {
  const map = new Int32Array(a.length).fill(-1);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) {
    map[prefix] = prefix;
    prefix += 1;
  }
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) {
    map[a.length - 1 - suffix] = b.length - 1 - suffix;
    suffix += 1;
  }
  const A = a.slice(prefix, a.length - suffix);
  const B = b.slice(prefix, b.length - suffix);
  const pairs = middleSnake(A, B);
  const matchedA = new Uint8Array(A.length);
  const matchedB = new Uint8Array(B.length);
  if (pairs) {
    for (const [i, j] of pairs) {
      map[prefix + i] = prefix + j;
      matchedA[i] = 1;
      matchedB[j] = 1;
    }
  }
  return { lost: matchedA.length - count(matchedA), added: matchedB.length - count(matchedB), map, lostRuns: runs(A, matchedA), addedRuns: runs(B, matchedB) };
}

function count(flags: Uint8Array): number {
  let n = 0;
  for (const f of flags) n += f;
  return n;
}

function runs(s: string, matched: Uint8Array): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < s.length; i += 1) {
    if (matched[i]) {
      if (current !== "") out.push(current);
      current = "";
    } else current += s[i];
  }
  if (current !== "") out.push(current);
  return out;
}

/** Matched index pairs of a shortest edit script, or null past MAX_EDITS. */
function middleSnake(a: string, b: string): Array<[number, number]> | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d += 1) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], a: string, b: string, last: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let x = a.length;
  let y = b.length;
  for (let d = last; d >= 0; d -= 1) {
    const v = trace[d]!;
    // trace[d] holds v[-d-1 .. d+1] as it was before step d.
    const at = (k: number) => v[k + d + 1]!;
    const k = x - y;
    let prevK: number;
    if (d === 0) prevK = 0;
    else prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x -= 1;
      y -= 1;
      pairs.push([x, y]);
    }
    if (d > 0) {
      x = prevX;
      y = prevY;
    }
  }
  return pairs.reverse();
}
