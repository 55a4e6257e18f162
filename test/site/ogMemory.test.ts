// The share images are drawn by the thousand in one worker thread (ogImages.ts): drawing must not
// keep anything per image. resvg's WebAssembly memory is the part that can only grow; it must stay
// at the high-water mark of one card however many cards are drawn after it.
import { describe, expect, it, vi } from 'vitest';
import { drawSvg, ogCard, ogPng, ogSvg } from '../../src/lib/site/build/ogImage.ts';
import { summarise } from '../../src/lib/site/data/summary.ts';
import { makeReport } from './factory.ts';

// resvg-wasm does not expose its instance: keep the memory of every instance made in this file.
const memories: WebAssembly.Memory[] = [];
const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (...a: unknown[]) => Promise<WebAssembly.Instance | WebAssembly.WebAssemblyInstantiatedSource>;
vi.spyOn(WebAssembly, 'instantiate').mockImplementation((async (...a: unknown[]) => {
  const made = await instantiate(...a);
  const instance = made instanceof WebAssembly.Instance ? made : made.instance;
  const memory = Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory);
  if (memory) memories.push(memory);
  return made;
}) as never);

const card = (name: string, licensing: number) => ogCard([summarise(makeReport({ code: '630222', name, year: 2023, licensing }))], [2021, 2022, 2023]);

describe('drawing share images', () => {
  it("keeps resvg's WebAssembly memory at one card's high-water mark however many are drawn", async () => {
    await ogPng(card('民和回族土族自治县', 12)); // loads fonts and resvg
    expect(memories).toHaveLength(1);
    const memory = memories[0];
    const svgs = await Promise.all(['大通回族土族自治县', '湟源县', '互助土族自治县'].map((n, i) => ogSvg(card(n, 1000 * i + 7))));
    for (const svg of svgs) await drawSvg(svg); // the high-water mark of these cards
    const settled = memory.buffer.byteLength;
    for (let i = 0; i < 20; i++) {
      const img = await drawSvg(svgs[i % svgs.length]);
      expect(img.pixels.length).toBe(img.width * img.height * 4);
    }
    // Twenty unfreed renderings would add 20 × 1200×630×4 bytes (~58 MiB).
    expect(memory.buffer.byteLength).toBe(settled);
  });
});
