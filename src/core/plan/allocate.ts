// IPv4 block allocation: the free space of a pool as aligned CIDR blocks, and the choice of one free block
// of a given size that overlaps nothing taken. Pure arithmetic on src/core/net/cidr numbers.
import { formatIpv4, overlaps, tryCidr, type Block, type Cidr } from '../net/cidr';

export type Allocation = { readonly ok: true; readonly cidr: Cidr } | { readonly ok: false; readonly reason: string };

function cidrAt(start: number, prefix: number): Cidr {
  return tryCidr(`${formatIpv4(start)}/${prefix}`)!;
}

/** `taken` clipped to `within`, sorted and merged into disjoint ranges. */
function mergedTaken(within: Block<number>, taken: readonly Block<number>[]): Block<number>[] {
  const clipped = taken
    .filter((b) => overlaps(b, within))
    .map((b) => ({ start: Math.max(b.start, within.start), end: Math.min(b.end, within.end) }))
    .sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const b of clipped) {
    const last = out[out.length - 1];
    if (last && b.start <= last.end + 1) last.end = Math.max(last.end, b.end);
    else out.push({ ...b });
  }
  return out;
}

/** A range of addresses as the fewest aligned CIDR blocks, lowest first. */
export function rangeToBlocks(start: number, end: number): Cidr[] {
  const out: Cidr[] = [];
  let at = start;
  while (at <= end) {
    // The largest block that starts at `at` (alignment) and does not pass `end`.
    let prefix = 32;
    while (prefix > 0) {
      const size = 2 ** (32 - (prefix - 1));
      if (at % size !== 0 || at + size - 1 > end) break;
      prefix--;
    }
    const block = cidrAt(at, prefix);
    out.push(block);
    at = block.end + 1;
  }
  return out;
}

/** The free space of `within` as aligned blocks, lowest first. */
export function freeBlocks(within: Block<number>, taken: readonly Block<number>[]): Cidr[] {
  const out: Cidr[] = [];
  let at = within.start;
  for (const b of mergedTaken(within, taken)) {
    if (b.start > at) out.push(...rangeToBlocks(at, b.start - 1));
    at = b.end + 1;
  }
  if (at <= within.end) out.push(...rangeToBlocks(at, within.end));
  return out;
}

/**
 * A free `/prefix` block in the pool. Best fit: it is carved from the smallest free block that can hold it
 * (lowest address on a tie), so large free blocks stay whole for the large requests that come later.
 */
export function allocateBlock(pool: readonly Cidr[], taken: readonly Block<number>[], prefix: number): Allocation {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return { ok: false, reason: `/${prefix} is not an IPv4 prefix length` };
  let best: Cidr | undefined;
  for (const range of pool) {
    for (const free of freeBlocks(range, taken)) {
      if (free.prefix > prefix) continue;
      if (!best || free.prefix > best.prefix || (free.prefix === best.prefix && free.start < best.start)) best = free;
    }
  }
  if (!best) {
    const names = pool.map((c) => c.text).join(', ') || 'the empty pool';
    return { ok: false, reason: `Pool exhausted: ${names} has no free /${prefix} block left.` };
  }
  return { ok: true, cidr: cidrAt(best.start, prefix) };
}

/**
 * A `/prefix` block inside `within` that overlaps nothing taken: the block that contains `prefer` when it is
 * free (a resize keeps its place when it can), else the lowest free one. Used by the paired-subnet resize.
 */
export function placeBlock(within: readonly Cidr[], taken: readonly Block<number>[], prefix: number, prefer?: number): Cidr | undefined {
  const size = 2 ** (32 - prefix);
  if (prefer !== undefined) {
    const aligned = cidrAt(prefer - (prefer % size), prefix);
    if (within.some((w) => aligned.start >= w.start && aligned.end <= w.end) && !taken.some((b) => overlaps(b, aligned))) return aligned;
  }
  let lowest: Cidr | undefined;
  for (const range of within) {
    const free = freeBlocks(range, taken).find((f) => f.prefix <= prefix);
    if (free && (!lowest || free.start < lowest.start)) lowest = cidrAt(free.start, prefix);
  }
  return lowest;
}
