// What a downloaded file is, told by its bytes, and whether that matches what the server claimed.
// Government servers often send application/octet-stream or a wrong type, so the bytes decide the
// extension; but an HTML page where the address or the header promised a document is refused: it is
// an error or login page, not the report.
export type FileKind = 'pdf' | 'docx' | 'doc' | 'html' | 'text' | 'unknown';

/** Formats a report can be saved in, by extension. */
export const REPORT_KINDS = ['pdf', 'docx', 'doc', 'html', 'text'] as const;

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // Word 97-2003 (and .xls, .ppt) compound file

/** The first bytes as Latin-1 text, for looking at markup without decoding the whole file. */
const head = (bytes: Uint8Array, n = 1024) => Buffer.from(bytes.subarray(0, n)).toString('latin1');

export function sniff(bytes: Uint8Array): FileKind {
  // %PDF may follow a little junk (some servers prepend whitespace or a BOM); readers accept 1 KB.
  if (head(bytes).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    // Zip entry names are stored uncompressed (local headers and central directory): a .docx names
    // word/document.xml. Cheaper than unzipping, and an .xlsx or .zip does not name it.
    return Buffer.from(bytes).includes('word/document.xml') ? 'docx' : 'unknown';
  }
  if (startsWith(bytes, OLE2)) {
    // A compound file: Word stores its text in a stream named "WordDocument" (UTF-16 in the directory).
    return Buffer.from(bytes).includes(Buffer.from('WordDocument', 'utf16le')) ? 'doc' : 'unknown';
  }
  const start = head(bytes)
    .replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(!doctype html|html|head|body|meta|title|script|!--|\?xml[^>]*>\s*<!doctype html|\?xml[^>]*>\s*<html)/.test(start) || /<html[\s>]/.test(start)) return 'html';
  if (isPlainText(bytes)) return 'text';
  return 'unknown';
}

/** UTF-8 (or UTF-16 with a BOM) text without control characters other than whitespace. */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  let text: string;
  try {
    // stream: a character cut at the 64 KB boundary is held back, not an error.
    text = new TextDecoder(utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024), { stream: true });
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text);
}

export const EXTENSION: Record<Exclude<FileKind, 'unknown'>, string> = { pdf: '.pdf', docx: '.docx', doc: '.doc', html: '.html', text: '.txt' };

/** The document kind an address or a Content-Type promises, if any. */
export function claimedKind(url: string, contentType: string | undefined): 'pdf' | 'docx' | 'doc' | 'document' | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/pdf') return 'pdf';
  if (type === 'application/msword') return 'doc';
  if (type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  let path = '';
  try {
    path = decodeURIComponent(new URL(url).pathname).toLowerCase();
  } catch {
    path = url.toLowerCase();
  }
  if (path.endsWith('.pdf')) return 'pdf';
  if (path.endsWith('.docx')) return 'docx';
  if (path.endsWith('.doc')) return 'doc';
  if (path.endsWith('.wps')) return 'document';
  return null;
}

export type Verdict = { ok: true; kind: Exclude<FileKind, 'unknown'> } | { ok: false; reason: string };

/**
 * Whether the bytes fetched from `url` can be kept as a report: a PDF, Word or text file, or an HTML
 * page where nothing promised a document. `finalUrl` is where the redirects ended.
 */
export function checkContent(bytes: Uint8Array, url: string, finalUrl: string, contentType: string | undefined): Verdict {
  if (bytes.length === 0) return { ok: false, reason: 'empty response' };
  const kind = sniff(bytes);
  const claim = claimedKind(url, contentType) ?? claimedKind(finalUrl, undefined);
  if (kind === 'unknown') return { ok: false, reason: `not a PDF, Word, HTML or text file (Content-Type ${contentType ?? 'none'}, starts ${JSON.stringify(head(bytes, 8))})` };
  if (kind === 'html' && claim) {
    return { ok: false, reason: `an HTML page where a ${claim === 'document' ? 'document' : claim.toUpperCase()} was expected (Content-Type ${contentType ?? 'none'}): an error or login page, not the report` };
  }
  if (kind === 'text' && claim) return { ok: false, reason: `plain text where a ${claim === 'document' ? 'document' : claim.toUpperCase()} was expected: not the report` };
  // Plain text is kept only when it reads as a report: servers answer "File not found" as text too.
  if (kind === 'text' && !decodeText(bytes).includes('政府信息公开')) return { ok: false, reason: `plain text that does not mention 政府信息公开: not a report (starts ${JSON.stringify(decodeText(bytes).slice(0, 40))})` };
  return { ok: true, kind };
}

function decodeText(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}
