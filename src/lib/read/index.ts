// The front stages: a document's bytes in, the intermediate form (SourceText) out. One stage per
// format, chosen by the bytes; the parser after them never learns which format it was.
import { rejection } from '../parse/rejections.ts';
import type { ReadResult } from './document.ts';
import { sniff } from './sniff.ts';
import { readPdf } from './pdf.ts';
import { readText } from './text.ts';
import { readHtml } from './html.ts';
import { readDocx } from './docx.ts';
import { openCompoundFile, readDoc } from './doc.ts';

export type { ReadResult, SourceText } from './document.ts';

export async function readDocument(bytes: Uint8Array): Promise<ReadResult> {
  const kind = sniff(bytes);
  switch (kind) {
    case 'txt':
      return { ok: true, source: readText(bytes) };
    case 'pdf':
      return readPdf(bytes);
    case 'docx':
      return readDocx(bytes);
    case 'doc':
      return readDoc(bytes);
    case 'html':
      return readHtml(bytes);
    case 'zip':
      return { ok: false, ...rejection.otherZip() };
    case 'ole': {
      // A .doc cut before its Word stream shows only the compound-file header: say it is damaged.
      const broken = openCompoundFile(bytes);
      return { ok: false, ...(typeof broken === 'string' ? rejection.officeDamaged(broken) : rejection.otherOle()) };
    }
    default:
      return { ok: false, ...rejection.unsupportedFormat(kind) };
  }
}
