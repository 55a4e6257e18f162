// Hand-made PDFs of a report's text for the PDF front stage's tests: a scan's OCR layer, a page turned.
/**
 * A PDF of `lines`, 60 a page, each drawn in render mode `mode` over a full-page image: one embedded
 * (placeholder) CID font whose codes are the characters' UTF-16 units, ASCII half an em wide and the rest
 * a full em, as the layout text counts columns. `turned`: each landscape page stored as a portrait one
 * shown turned a quarter (/Rotate 90), its content drawn turned back, as some producers store them.
 */
export function textPdf(lines: readonly string[], { mode = 0, turned = false }: { mode?: number; turned?: boolean } = {}): Uint8Array {
  const perPage = 60;
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const fixed = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /F /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>',
    '<< /Type /FontDescriptor /FontName /F /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>',
    stream('/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end'),
    stream('font'),
    '<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\u00ff\nendstream'];
  const objects = [...fixed];
  const kids: string[] = [];
  for (const page of pages) {
    const n = objects.length + 1;
    kids.push(`${n} 0 R`);
    // Each word of a line at its own place, 20 pt after the one before: cells stand apart as in a table.
    const body = page.flatMap((l, k) => {
      let x = 40;
      return l.split(/\s+/u).filter(Boolean).map((w) => {
        const at = `1 0 0 1 ${x} ${800 - k * 12.5} Tm <${hex(w)}> Tj`;
        x += [...w].reduce((n, c) => n + (c.charCodeAt(0) < 127 ? 5 : 10), 0) + 20;
        return at;
      });
    }).join('\n');
    const [box, turn] = turned ? ['[0 0 842 1000] /Rotate 90', '0 1 -1 0 842 0 cm '] : ['[0 0 1000 842]', ''];
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox ${box} /Resources << /Font << /F1 3 0 R >> /XObject << /Im 8 0 R >> >> /Contents ${n + 1} 0 R >>`);
    objects.push(stream(`${turn}q 1000 0 0 842 0 0 cm /Im Do Q BT ${mode} Tr /F1 10 Tf\n${body}\nET`));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
const stream = (s: string) => `<< /Length ${Buffer.byteLength(s, 'latin1')} >>\nstream\n${s}\nendstream`;
