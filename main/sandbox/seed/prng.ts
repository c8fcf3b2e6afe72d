// Seeded pseudo-random numbers for the demo data: same seed, same data (issue item 6).
// mulberry32 is small, fast and good enough for test data; it is not for secrets.

export interface Prng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: [[value, weight], ...]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Draws from a table prepared once with weightedTable (the seeder's hot path). */
  draw<T>(table: WeightedTable<T>): T;
  /** A version-4-shaped UUID drawn from this generator (deterministic, not random). */
  uuid(): string;
  /**
   * A version-7-shaped UUID (time-ordered, RFC 9562) whose 48-bit time field is `ms`:
   * ascending ms give ascending IDs, so their unique indexes grow by appending.
   */
  uuid7(ms: number): string;
  digits(n: number): string;
}

export interface WeightedTable<T> {
  values: readonly T[];
  /** Cumulative weights divided by the total: ascending, last is 1. */
  bounds: Float64Array;
}

export function weightedTable<T>(items: readonly (readonly [T, number])[]): WeightedTable<T> {
  const total = items.reduce((s, [, w]) => s + w, 0);
  const bounds = new Float64Array(items.length);
  let acc = 0;
  items.forEach(([, w], i) => {
    acc += w;
    bounds[i] = acc / total;
  });
  bounds[items.length - 1] = 1;
  return { values: items.map(([v]) => v), bounds };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function createPrng(seed: number): Prng {
  let a = seed >>> 0;
  const u32 = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => u32() / 4294967296;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex4 = (w: number) => HEX[(w >>> 24) & 255]! + HEX[(w >>> 16) & 255]! + HEX[(w >>> 8) & 255]! + HEX[w & 255]!;
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(items) {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [v, w] of items) {
        r -= w;
        if (r < 0) return v;
      }
      return items[items.length - 1]![0];
    },
    draw(table) {
      const x = next();
      const b = table.bounds;
      let i = 0;
      while (x >= b[i]!) i++;
      return table.values[i]!;
    },
    uuid() {
      const w1 = u32();
      const w2 = (u32() & 0xffff0fff) | 0x00004000; // version 4
      const w3 = (u32() & 0x3fffffff) | 0x80000000; // variant 10
      const w4 = u32();
      const h2 = hex4(w2);
      const h3 = hex4(w3);
      return `${hex4(w1)}-${h2.slice(0, 4)}-${h2.slice(4)}-${h3.slice(0, 4)}-${h3.slice(4)}${hex4(w4)}`;
    },
    uuid7(ms) {
      const hi = Math.floor(ms / 0x10000);
      const lo = ms % 0x10000;
      const w2 = ((lo & 0xffff) << 16) | 0x7000 | (u32() & 0x0fff); // version 7
      const w3 = (u32() & 0x3fffffff) | 0x80000000; // variant 10
      const h2 = hex4(w2 >>> 0);
      const h3 = hex4(w3 >>> 0);
      return `${hex4(hi >>> 0)}-${h2.slice(0, 4)}-${h2.slice(4)}-${h3.slice(0, 4)}-${h3.slice(4)}${hex4(u32())}`;
    },
    digits(n) {
      // Up to 9 digits per draw; leading zeros kept.
      let s = '';
      while (s.length < n) {
        const k = Math.min(9, n - s.length);
        s += String(u32() % 10 ** k).padStart(k, '0');
      }
      return s;
    },
  };
}
