// RGBA pixels → an 8-bit palette PNG, for the share images (ogImage.ts). A card of flat colours
// and anti-aliased text has a few hundred distinct colours, most of them rare edge pixels: the 256
// most frequent become the palette and every other colour takes its nearest. Own code, not a
// library: the quantisers on npm (upng-js, libimagequant via @napi-rs/image) took 0.4–0.9 s an
// image here, this ~30 ms, for files a third of the full-colour PNG.
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Opaque RGBA (alpha ignored: the cards have a white ground) as a palette PNG of ≤ 256 colours. */
export function indexedPng(rgba: Uint8Array, width: number, height: number): Buffer {
  const pixels = width * height;
  // Counted run by run: a card is mostly runs of one colour, and a Map lookup per pixel was most of
  // the encoder's time.
  const colour = new Uint32Array(pixels);
  for (let i = 0; i < pixels; i++) colour[i] = (rgba[i * 4] << 16) | (rgba[i * 4 + 1] << 8) | rgba[i * 4 + 2];
  const counts = new Map<number, number>();
  for (let i = 0; i < pixels; ) {
    const c = colour[i];
    let j = i + 1;
    while (j < pixels && colour[j] === c) j++;
    counts.set(c, (counts.get(c) ?? 0) + j - i);
    i = j;
  }
  const palette = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 256).map(([c]) => c);
  const index = new Map<number, number>(palette.map((c, i) => [c, i]));
  const nearest = (c: number): number => {
    let best = 0;
    let bestD = Infinity;
    const r = c >> 16, g = (c >> 8) & 255, b = c & 255;
    palette.forEach((p, i) => {
      const d = (r - (p >> 16)) ** 2 + (g - ((p >> 8) & 255)) ** 2 + (b - (p & 255)) ** 2;
      if (d < bestD) [best, bestD] = [i, d];
    });
    index.set(c, best);
    return best;
  };
  // Each row: filter byte 0, then one palette index per pixel.
  const raw = Buffer.alloc((width + 1) * height);
  let last = -1;
  let lastIndex = 0;
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1);
    for (let x = 0; x < width; x++) {
      const c = colour[y * width + x];
      if (c !== last) [last, lastIndex] = [c, index.get(c) ?? nearest(c)];
      raw[row + 1 + x] = lastIndex;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // palette colour
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((c, i) => plte.set([c >> 16, (c >> 8) & 255, c & 255], i * 3));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
