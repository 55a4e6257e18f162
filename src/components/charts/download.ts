// A chart's downloads, made in the browser from the figure's own table: SVG (chartSvg), PNG (that
// SVG drawn on a canvas at twice the size, the source line also written into the file's text
// chunk) and CSV. Loaded only when a download button is pressed.
import { chartCsv, chartSvg, type ChartPicture } from '../../lib/site/view/chartSvg.ts';
import { chartData } from './table.ts';

function pictureOf(figure: HTMLElement): ChartPicture {
  const d = chartData(figure);
  const address = new URL(figure.dataset.page || location.pathname, location.href).href;
  return { ...d, title: [figure.dataset.label, d.title].filter(Boolean).join(' · '), source: figure.dataset.source ?? '', address };
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** The PNG with an iTXt chunk (UTF-8 text) before IEND: image viewers show it as the file's Source. */
export function withPngText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  const enc = new TextEncoder();
  const data = new Uint8Array([...enc.encode(keyword), 0, 0, 0, 0, 0, ...enc.encode(text)]);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(enc.encode('iTXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const iend = png.length - 12;
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, iend), 0);
  out.set(chunk, iend);
  out.set(png.subarray(iend), iend + chunk.length);
  return out;
}

async function png(svg: string, w: number, h: number): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = w * 2;
  canvas.height = h * 2;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0, w, h);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png'));
  return blob;
}

export async function downloadChart(figure: HTMLElement, kind: 'png' | 'svg' | 'csv'): Promise<void> {
  const pic = pictureOf(figure);
  const name = `${figure.dataset.name || 'chart'}.${kind}`;
  if (kind === 'csv') return save(new Blob([chartCsv(pic)], { type: 'text/csv;charset=utf-8' }), name);
  const svg = chartSvg(pic);
  if (kind === 'svg') return save(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), name);
  const bytes = new Uint8Array(await (await png(svg, 800, 500)).arrayBuffer());
  save(new Blob([withPngText(bytes, 'Source', `来源：${pic.source}；${pic.address}`) as BlobPart], { type: 'image/png' }), name);
}
