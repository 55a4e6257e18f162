// What a file is, told by its bytes (magic numbers), not by its name: reports are downloaded with
// names like `P020220120.pdf`, `下载.do` or none, and servers mislabel them.

export type Sniffed = 'pdf' | 'docx' | 'doc' | 'html' | 'txt' | 'zip' | 'ole' | 'binary';

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

const PDF = Buffer.from('%PDF-', 'latin1');
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4: .docx is a zip
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // compound file: .doc (and .xls, .ppt)

/** The ASCII text of the first bytes, for looking at markup; UTF-16 zeros dropped. */
function head(bytes: Uint8Array, length = 2048): string {
  const ascii = new Uint8Array(Math.min(bytes.length, length));
  let n = 0;
  for (let i = 0; i < ascii.length; i++) if (bytes[i]! > 0 && bytes[i]! < 0x80) ascii[n++] = bytes[i]!;
  return Buffer.from(ascii.buffer, 0, n).toString('latin1').toLowerCase();
}

/** Whether the bytes hold `name` (a zip's entry names and an OLE directory's stream names are stored plainly). */
const holds = (bytes: Uint8Array, name: string | readonly number[]) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(typeof name === 'string' ? Buffer.from(name, 'latin1') : Buffer.from(name)) >= 0;

/** OLE files hold a `WordDocument` stream (as UTF-16 in the directory) when they are Word files. */
const WORD_STREAM = [...'WordDocument'].flatMap((c) => [c.charCodeAt(0), 0]);

/** A Word FIB (wIdent 0xA5EC, nFib of Word 97 or later) at the start of a sector (512 bytes, or 64
 *  in the mini stream of a small file): the WordDocument stream's start, which a cut-short .doc still
 *  has though it lost its directory (LibreOffice and Word write the directory near the end). */
function holdsFib(bytes: Uint8Array): boolean {
  for (let at = 512; at + 4 <= bytes.length; at += 64) if (bytes[at] === 0xec && bytes[at + 1] === 0xa5 && bytes[at + 2]! + bytes[at + 3]! * 256 >= 0xc1) return true;
  return false;
}

export function sniff(bytes: Uint8Array): Sniffed {
  // A PDF may have junk before its header (the spec allows 1,024 bytes).
  const pdfAt = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024 + PDF.length - 1)).indexOf(PDF);
  if (pdfAt >= 0) return 'pdf';
  if (startsWith(bytes, ZIP)) return holds(bytes, 'word/document.xml') ? 'docx' : 'zip';
  if (startsWith(bytes, OLE)) return holds(bytes, WORD_STREAM) || holdsFib(bytes) ? 'doc' : 'ole';
  const text = head(bytes).trimStart();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>])/.test(text)) return 'html';
  if (/<(?:html|body|table|div|p)[\s>]/.test(text) && /<\/(?:html|body|table|div|p)>/.test(text)) return 'html';
  return 'txt';
}
