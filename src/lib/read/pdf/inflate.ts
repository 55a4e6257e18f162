// A small inflater (RFC 1950/1951) for the fast reader's many small streams: a Chromium-printed PDF has a
// Type 3 font for every few characters and a compressed procedure for every glyph, and node:zlib costs
// ~20 µs a call before it does any work. This one has no set-up cost, and it can stop once it has the
// first bytes of a stream (all the reader needs of a glyph procedure). Malformed data throws; the
// reader then declines the file.

/** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
class Code {
  readonly counts = new Uint16Array(16);
  readonly symbols: Uint16Array;
  /** Codes of up to `fastBits` bits by the next `fastBits` bits of input: symbol << 4 | length (0: longer). */
  readonly fast: Uint16Array;
  /** FAST_BITS, or 7 for the code-length code (whose codes are at most 7 bits long: a smaller table). */
  readonly fastBits: number;
  /** Whether `fast` is built (worth it only for codes that decode much). */
  hasFast = false;
  constructor(size: number, fastBits = FAST_BITS) {
    this.symbols = new Uint16Array(size);
    this.fastBits = fastBits;
    this.fast = new Uint16Array(1 << fastBits);
  }

  /**
   * From code lengths. As zlib: over-subscribed lengths throw, and so does an incomplete code, except
   * one of a single one-bit code (not for the code-length code) or of none at all.
   */
  build(lengths: Uint8Array, offset: number, count: number, codeLengths = false, fixed = false, withFast = false): this {
    const counts = this.counts;
    counts.fill(0);
    let max = 0;
    for (let i = 0; i < count; i++) {
      const len = lengths[offset + i]!;
      // Unused symbols (most of a small stream's literals) not counted: incrementing one counter
      // over and over waits on its own last store each time.
      if (len === 0) continue;
      counts[len]!++;
      if (len > max) max = len;
    }
    let left = 1;
    for (let len = 1; len < 16; len++) {
      left = (left << 1) - counts[len]!;
      if (left < 0) throw new Error('inflate: over-subscribed code');
    }
    if (!fixed && max > 0 && left > 0 && (codeLengths || max !== 1)) throw new Error('inflate: incomplete code');
    const offs = OFFSETS.fill(0);
    for (let len = 1; len < 15; len++) offs[len + 1] = offs[len]! + counts[len]!;
    for (let i = 0; i < count; i++) {
      const len = lengths[offset + i]!;
      if (len) this.symbols[offs[len]!++] = i;
    }
    this.hasFast = withFast;
    if (!withFast) return this;
    // The lookup table: canonical codes in order, bits reversed (the stream holds them last bit first).
    const fast = this.fast;
    fast.fill(0);
    let code = 0;
    let index = 0;
    const bits = this.fastBits;
    for (let len = 1; len <= bits; len++) {
      for (let k = 0; k < counts[len]!; k++, code++, index++) {
        let rev = 0;
        for (let b = 0; b < len; b++) rev |= ((code >> b) & 1) << (len - 1 - b);
        const entry = (this.symbols[index]! << 4) | len;
        for (let j = rev; j < 1 << bits; j += 1 << len) fast[j] = entry;
      }
      code <<= 1;
    }
    return this;
  }
}

const FAST_BITS = 9;
const OFFSETS = new Uint16Array(16);

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

const FIXED_LITERALS = (() => {
  const l = new Uint8Array(288);
  l.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
  return new Code(288).build(l, 0, 288, false, true, true);
})();
const FIXED_DISTANCES = new Code(30).build(new Uint8Array(30).fill(5), 0, 30, false, true, true);

const LITERALS = new Code(288);
const DISTANCES = new Code(30);
const CODE_LENGTHS = new Code(19, 7);
const LENGTHS = new Uint8Array(288 + 32);
/**
 * Where small streams are inflated: no buffer allocated per stream (a Chromium PDF has hundreds; the
 * allocations and their collection cost more than the inflating). Whole streams are copied out at the end.
 */
const SCRATCH = new Uint8Array(4096);

class Inflater {
  private readonly data: Uint8Array;
  private pos: number;
  private bits = 0;
  private count = 0;
  out: Uint8Array;
  length = 0;
  // Shared by every inflater (one runs at a time): nothing to allocate per stream.
  private readonly literals = LITERALS;
  private readonly distances = DISTANCES;
  private readonly lengths = LENGTHS;

  /** How many bytes are expected out (a guess, or the limit). */
  private readonly expected: number;

  constructor(data: Uint8Array, pos: number, sizeHint: number) {
    this.data = data;
    this.pos = pos;
    this.expected = sizeHint;
    this.out = sizeHint <= SCRATCH.length ? SCRATCH : new Uint8Array(sizeHint);
  }

  /** At least `n` (<= 24) bits in the buffer; past the end of the data, zeros (checked in `used`). */
  private need(n: number): void {
    while (this.count < n) {
      this.bits |= (this.pos < this.data.length ? this.data[this.pos]! : 0) << this.count;
      this.pos++;
      this.count += 8;
    }
  }

  /** Bytes of the data read so far; reading past its end throws. */
  private used(): number {
    const used = this.pos - (this.count >> 3);
    if (used > this.data.length) throw new Error('inflate: unexpected end of data');
    return used;
  }

  private bit(): number {
    return this.read(1);
  }

  private read(n: number): number {
    if (n === 0) return 0;
    this.need(n);
    const v = this.bits & ((1 << n) - 1);
    this.bits >>>= n;
    this.count -= n;
    return v;
  }

  private symbol(code: Code): number {
    this.need(code.fastBits);
    const entry = code.hasFast ? code.fast[this.bits & ((1 << code.fastBits) - 1)]! : 0;
    if (entry !== 0) {
      const len = entry & 15;
      this.bits >>>= len;
      this.count -= len;
      return entry >> 4;
    }
    // A longer code: bit by bit.
    this.need(15);
    let first = 0;
    let index = 0;
    let value = 0;
    for (let len = 1; len < 16; len++) {
      value |= this.bits & 1;
      this.bits >>>= 1;
      this.count--;
      const n = code.counts[len]!;
      if (value - first < n) return code.symbols[index + value - first]!;
      index += n;
      first = (first + n) << 1;
      value <<= 1;
    }
    throw new Error('inflate: bad code');
  }

  /** To the next byte boundary, the buffered whole bytes given back. */
  private align(): void {
    this.pos = this.used();
    this.bits = 0;
    this.count = 0;
  }

  private ensure(n: number): void {
    if (this.length + n <= this.out.length) return;
    const grown = new Uint8Array(Math.max(this.out.length * 2, this.length + n));
    grown.set(this.out.subarray(0, this.length));
    this.out = grown;
  }

  /** Inflates until the last block ends, or until `limit` bytes are out. Returns whether it finished. */
  run(limit: number): boolean {
    for (;;) {
      const last = this.bit();
      const type = this.read(2);
      if (type === 0) this.stored();
      else if (type === 1) this.codes(FIXED_LITERALS, FIXED_DISTANCES, limit);
      else if (type === 2) {
        this.dynamic();
        this.codes(this.literals, this.distances, limit);
      } else throw new Error('inflate: bad block type');
      this.used();
      if (this.length >= limit) return false;
      if (last) return true;
    }
  }

  private stored(): void {
    this.align();
    const d = this.data;
    if (this.pos + 4 > d.length) throw new Error('inflate: unexpected end of data');
    const len = d[this.pos]! | (d[this.pos + 1]! << 8);
    const nlen = d[this.pos + 2]! | (d[this.pos + 3]! << 8);
    if ((len ^ 0xffff) !== nlen) throw new Error('inflate: bad stored block');
    this.pos += 4;
    if (this.pos + len > d.length) throw new Error('inflate: unexpected end of data');
    this.ensure(len);
    this.out.set(d.subarray(this.pos, this.pos + len), this.length);
    this.length += len;
    this.pos += len;
  }

  private dynamic(): void {
    const hlit = this.read(5) + 257;
    const hdist = this.read(5) + 1;
    const hclen = this.read(4) + 4;
    if (hlit > 286 || hdist > 30) throw new Error('inflate: bad code lengths');
    const lengths = this.lengths;
    lengths.fill(0, 0, 19);
    for (let i = 0; i < hclen; i++) lengths[CODE_LENGTH_ORDER[i]!] = this.read(3);
    const clc = CODE_LENGTHS.build(lengths, 0, 19, true, false, true);
    for (let n = 0; n < hlit + hdist; ) {
      const sym = this.symbol(clc);
      if (sym < 16) lengths[n++] = sym;
      else {
        let repeat: number;
        let value = 0;
        if (sym === 16) {
          if (n === 0) throw new Error('inflate: repeat with no length');
          value = lengths[n - 1]!;
          repeat = 3 + this.read(2);
        } else if (sym === 17) repeat = 3 + this.read(3);
        else repeat = 11 + this.read(7);
        if (n + repeat > hlit + hdist) throw new Error('inflate: too many lengths');
        while (repeat--) lengths[n++] = value;
      }
    }
    if (lengths[256] === 0) throw new Error('inflate: no end-of-block code');
    // Lookup tables only where much will be decoded (not for a glyph procedure's first bytes).
    const withFast = this.expected > 512;
    this.literals.build(lengths, 0, hlit, false, false, withFast);
    this.distances.build(lengths, hlit, hdist, false, false, withFast);
  }

  private codes(lit: Code, dist: Code, limit: number): void {
    for (;;) {
      const sym = this.symbol(lit);
      if (sym === 256) return;
      if (sym < 256) {
        this.ensure(1);
        this.out[this.length++] = sym;
      } else {
        const l = sym - 257;
        if (l >= 29) throw new Error('inflate: bad length code');
        const len = LENGTH_BASE[l]! + this.read(LENGTH_EXTRA[l]!);
        const d = this.symbol(dist);
        if (d >= 30) throw new Error('inflate: bad distance code');
        const distance = DIST_BASE[d]! + this.read(DIST_EXTRA[d]!);
        if (distance > this.length) throw new Error('inflate: distance too far back');
        this.ensure(len);
        const out = this.out;
        for (let i = 0; i < len; i++, this.length++) out[this.length] = out[this.length - distance]!;
      }
      if (this.length >= limit) return;
    }
  }

  /** The Adler-32 after the data, checked. */
  checkAdler(): void {
    this.align();
    const d = this.data;
    if (this.pos + 4 > d.length) throw new Error('inflate: no checksum');
    let a = 1;
    let b = 0;
    const out = this.out;
    for (let i = 0; i < this.length; ) {
      const end = Math.min(this.length, i + 5552);
      for (; i < end; i++) {
        a += out[i]!;
        b += a;
      }
      a %= 65521;
      b %= 65521;
    }
    const want = ((d[this.pos]! << 24) | (d[this.pos + 1]! << 16) | (d[this.pos + 2]! << 8) | d[this.pos + 3]!) >>> 0;
    if (((b << 16) | a) >>> 0 !== want) throw new Error('inflate: bad checksum');
  }
}

/**
 * zlib data (RFC 1950) inflated: all of it, its checksum checked, or (with `limit`) at least its first
 * `limit` bytes where it has that many (the data after them not read), in a buffer the next call reuses.
 * Throws on malformed data.
 */
export function inflateZlib(data: Uint8Array, limit = Infinity): Uint8Array {
  if (data.length < 2) throw new Error('inflate: no zlib header');
  const cmf = data[0]!;
  const flg = data[1]!;
  if ((cmf & 15) !== 8 || (cmf >> 4) > 7 || ((cmf << 8) | flg) % 31 !== 0 || flg & 32) throw new Error('inflate: bad zlib header');
  const inflater = new Inflater(data, 2, Number.isFinite(limit) ? limit + 258 : data.length * 4);
  const finished = inflater.run(limit);
  if (finished) inflater.checkAdler();
  // Whole streams are kept by the caller: copied out of the shared buffer.
  if (inflater.out === SCRATCH && finished) return SCRATCH.slice(0, inflater.length);
  return inflater.out.subarray(0, inflater.length);
}
