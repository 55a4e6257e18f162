// Synthetic reports as PDF files, made the two ways real ones are: a browser printing the web page
// (Chromium through playwright-core), and a word processor exporting the Word file (LibreOffice's
// headless converter). Both are Debian packages; nothing here runs at build time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

/** A web page printed to an A4 PDF, as "Save as PDF" in a browser does. */
export async function printHtmlToPdf(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ format: 'A4', margin: { top: '2.5cm', bottom: '2.5cm', left: '2.8cm', right: '2.6cm' }, printBackground: true }));
  } finally {
    await page.close();
  }
}

export const LIBREOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

/** Word files converted by LibreOffice (to PDF, or saved as Word 97-2003 .doc), in one run of the
 *  converter (it starts slowly). */
export function convertDocx(files: readonly Uint8Array[], to: 'pdf' | 'doc'): Uint8Array[] {
  if (!LIBREOFFICE) throw new Error('LibreOffice not found: apt-get install libreoffice-writer-nogui');
  const dir = mkdtempSync(join(tmpdir(), `docx-${to}-`));
  try {
    const names = files.map((bytes, i) => {
      const name = join(dir, `r${i}.docx`);
      writeFileSync(name, bytes);
      return name;
    });
    // 'doc' alone picks the Word 97-2003 filter ("MS Word 97") by the extension.
    execFileSync(LIBREOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', dir, ...names], { stdio: 'ignore', timeout: 300_000 });
    return names.map((n) => new Uint8Array(readFileSync(n.replace(/\.docx$/, `.${to}`))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Word files exported to PDF by LibreOffice. */
export const convertDocxToPdf = (files: readonly Uint8Array[]): Uint8Array[] => convertDocx(files, 'pdf');

/** Word files saved as Word 97-2003 (.doc) by LibreOffice. */
export const convertDocxToDoc = (files: readonly Uint8Array[]): Uint8Array[] => convertDocx(files, 'doc');
