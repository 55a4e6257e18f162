// A synthetic report as a Word (.docx) file, with the `docx` package: the same document model as the
// web page (document.ts), tables with merged cells written as Word writes them (gridSpan for colspan,
// vMerge restart/continue for rowspan), a wrapped label as several paragraphs in its cell.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { reportDocument, DEFAULT_DOCUMENT_OPTIONS, type DocTable, type DocumentOptions } from './document.ts';
import type { Truth } from './truth.ts';

export type DocxOptions = DocumentOptions;

const para = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold, font: '仿宋_GB2312' })], alignment: AlignmentType.CENTER });

/** docx writes rowSpan as Word does: vMerge restart in the first cell, empty vMerge continue cells below. */
function table(t: DocTable): Table {
  return new Table({
    rows: t.rows.map(
      (cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: c.lines.map((l) => para(l, c.header)), columnSpan: c.colSpan ?? 1, rowSpan: c.rowSpan ?? 1 })) }),
    ),
    columnWidths: Array<number>(t.columns).fill(Math.floor(9000 / t.columns)),
    width: { size: 9000, type: WidthType.DXA },
  });
}

/** A report as the bytes of a .docx file. */
export async function renderReportDocx(truth: Truth, options: Partial<DocxOptions> = {}): Promise<Uint8Array> {
  const o: DocxOptions = { ...DEFAULT_DOCUMENT_OPTIONS, ...options };
  const doc = reportDocument(truth, o);
  const children: (Paragraph | Table)[] = doc.title.map((t) => new Paragraph({ children: [new TextRun({ text: t, bold: true, size: 36 })], alignment: AlignmentType.CENTER }));
  for (const b of doc.blocks) {
    if (b.kind === 'table') {
      children.push(table(b.table));
      children.push(new Paragraph(''));
    } else children.push(new Paragraph({ children: [new TextRun({ text: b.text, bold: b.kind === 'heading' })] }));
  }
  for (const s of doc.signature) children.push(new Paragraph({ text: s, alignment: AlignmentType.RIGHT }));
  const file = new Document({ creator: 'synthetic test data', title: doc.title.join(''), sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(file));
}
