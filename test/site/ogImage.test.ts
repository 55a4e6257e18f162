import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { indexedPng } from '../../src/lib/site/build/indexedPng.ts';
import { OG_HEIGHT, OG_WIDTH, ogCard, ogPng } from '../../src/lib/site/build/ogImage.ts';
import { summarise } from '../../src/lib/site/data/summary.ts';
import { makeReport } from './factory.ts';

/** The chunks of a PNG by type. */
function chunks(png: Buffer): Record<string, Buffer[]> {
  const out: Record<string, Buffer[]> = {};
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    (out[type] ??= []).push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  return out;
}

describe('palette PNG', () => {
  it('keeps every colour of a few-colour picture exactly', () => {
    const w = 5;
    const h = 3;
    const colours = [[255, 255, 255], [26, 26, 26], [138, 28, 28]];
    const rgba = new Uint8Array(w * h * 4);
    for (let i = 0; i < w * h; i++) rgba.set([...colours[i % 3], 255], i * 4);
    const png = indexedPng(rgba, w, h);
    const c = chunks(png);
    expect(c.IHDR[0].readUInt32BE(0)).toBe(w);
    expect(c.IHDR[0][9]).toBe(3); // palette
    const plte = c.PLTE[0];
    const raw = inflateSync(Buffer.concat(c.IDAT));
    expect(raw.length).toBe((w + 1) * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const k = raw[y * (w + 1) + 1 + x];
        expect([...plte.subarray(k * 3, k * 3 + 3)]).toEqual(colours[(y * w + x) % 3]);
      }
  });
});

describe('share image of a county', () => {
  it('holds the latest year, headline figures rounded for headlines, and which years are held', () => {
    const r2021 = summarise(makeReport({ code: '630222', name: '民和回族土族自治县', year: 2021 }));
    const r2023 = summarise(makeReport({ code: '630222', name: '民和回族土族自治县', year: 2023, licensing: 13236.5 }));
    const card = ogCard([r2023, r2021], [2021, 2022, 2023]);
    expect(card.year).toBe(2023);
    expect(card.figures.map((f) => f.label)).toEqual(['新收申请', '公开率', '行政许可', '行政复议']);
    expect(card.figures[2]).toEqual({ label: '行政许可', value: '13,236.5', unit: '件' });
    expect(card.name).toBe('民和回族土族自治县');
    expect(card.coverage).toBe('本站收录其 2021、2023 年报告（2021–2023 年共 3 个年度中的 2 个）');
  });

  it('is a 1200×630 PNG drawn without a browser, of a size that fits 2,854 in 100 MB', async () => {
    const card = ogCard([summarise(makeReport({ code: '630222', name: '民和回族土族自治县', year: 2021 }))], [2021]);
    const png = await ogPng(card);
    const c = chunks(png);
    expect([c.IHDR[0].readUInt32BE(0), c.IHDR[0].readUInt32BE(4)]).toEqual([OG_WIDTH, OG_HEIGHT]);
    expect(png.length).toBeLessThan(100e6 / 2854);
    // Text is drawn: more than the few colours of the blank card.
    expect(c.PLTE[0].length / 3).toBeGreaterThan(16);
  }, 30_000);
});
