/**
 * A one-probe filter over pairs of code units (any, not only CJK): `mayHave` is false when no pair
 * added matches, and true for every pair added (and, rarely, for others: callers then check exactly).
 * A 2^20-bit array, 128 KB, so a probe is a multiply and one load that mostly stays in cache.
 */
export class PairFilter {
  private readonly bits = new Int32Array(1 << 15);

  add(first: number, second: number): void {
    const bit = pairBit(first, second);
    this.bits[bit >>> 5] = (this.bits[bit >>> 5] as number) | (1 << (bit & 31));
  }

  mayHave(first: number, second: number): boolean {
    const bit = pairBit(first, second);
    return ((this.bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  }
}

function pairBit(first: number, second: number): number {
  return Math.imul((first << 16) ^ second, 0x9e3779b1) >>> 12;
}
