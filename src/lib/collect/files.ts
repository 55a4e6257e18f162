// Writing into content/ so that an interruption never leaves a half-written file: each file is
// written in full to a temporary folder beside content/reports/ (same file system) and renamed.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export function writeAtomic(path: string, data: string | Uint8Array, tmpDir: string): void {
  mkdirSync(tmpDir, { recursive: true });
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(tmpDir, `${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.part`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Left-overs of an interrupted run. */
export const clearTmp = (tmpDir: string) => rmSync(tmpDir, { recursive: true, force: true });
