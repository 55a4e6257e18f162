// Small file operations of the build's writers (downloads.ts, embeds.ts): what decides whether a file
// the last build wrote can stay, and removing what it no longer builds.
import { copyFileSync, linkSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';

/** A file's size and modification time: the ingest rewrites a report's file only when it changed. */
export function statKey(file: string): string | undefined {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** Whether the file is still there at the size it was written. */
export function intact(file: string, size: number | undefined): boolean {
  if (size === undefined) return false;
  try {
    return statSync(file).size === size;
  } catch {
    return false;
  }
}

/** unlink, where the file may not be there (rmSync's checks cost ~0.2 ms a call on this scale); whether it was. */
export function removeFile(file: string): boolean {
  try {
    unlinkSync(file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    return false;
  }
}

/** `dir` and its parents below `root`, while they are empty. */
export function removeEmptyDirs(dir: string, root: string): void {
  for (let d = dir.replace(/\/+$/, ''); d.length > root.length && d.startsWith(root); d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return; // not empty, or not there
    }
  }
}

/** A file and the folders it leaves empty below `root`; whether it was there. */
export function removeUp(file: string, root: string): boolean {
  if (!removeFile(file)) return false;
  removeEmptyDirs(dirname(file), root);
  return true;
}

/** A hard link where the two outputs are on one file system (no bytes twice), else a copy. */
export function linkOrCopy(from: string, to: string): void {
  removeFile(to);
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
