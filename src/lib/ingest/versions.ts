// Two or more files for the same county and year: which one the site shows, decided as a person
// would — a version marked as a correction (更正, 修订) over one that is not, else the later
// publication date (sidecar `published`). Byte-identical copies are one report. When nothing tells
// them apart the first by file name is shown, and the basis says so, for the page to say so too.
import type { Report, Versions } from '../schema.ts';

export interface Candidate {
  file: string;
  sha256: string;
  report: Report;
}

export interface VersionChoice {
  shown: Candidate;
  others: Candidate[];
  basis: Versions['basis'];
  /** Why the shown one, in English and Chinese, for the manifest's entries of the others. */
  why: { en: string; zh: string };
}

/** A title that announces a corrected or revised edition. */
const CORRECTION = /更正|修订|勘误|修正/;
const isCorrection = (c: Candidate) => CORRECTION.test(`${c.report.title} ${c.report.sourceInfo?.title ?? ''}`);
const publishedOf = (c: Candidate) => {
  const p = c.report.sourceInfo?.published;
  const t = p ? Date.parse(p) : NaN;
  return Number.isFinite(t) ? t : undefined;
};

const WHY: Record<Versions['basis'], { en: string; zh: string }> = {
  correction: { en: 'its title marks it as a correction (更正/修订)', zh: '其标题注明为更正或修订版' },
  'later-published': { en: 'it was published later', zh: '其发布日期较晚' },
  identical: { en: 'the files are identical', zh: '两个文件内容完全相同' },
  undecided: {
    en: 'nothing tells them apart (no 更正/修订 in a title, no later publication date): the first by file name is shown and its page says so',
    zh: '无法判断哪一版为准，标题均未注明更正或修订，也没有可比较的发布日期；暂按文件名顺序采用第一份，页面上注明',
  },
};

/** `candidates` in file-name order, at least two. */
export function chooseVersion(candidates: readonly Candidate[]): VersionChoice {
  const pick = (shown: Candidate, basis: Versions['basis']): VersionChoice => ({
    shown,
    others: candidates.filter((c) => c !== shown),
    basis,
    why: WHY[basis],
  });
  if (candidates.every((c) => c.sha256 === candidates[0].sha256)) return pick(candidates[0], 'identical');
  const marked = candidates.filter(isCorrection);
  if (marked.length === 1) return pick(marked[0], 'correction');
  const pool = marked.length > 1 ? marked : candidates;
  const dates = pool.map(publishedOf);
  if (dates.every((d) => d !== undefined)) {
    const latest = Math.max(...(dates as number[]));
    const latestOnes = pool.filter((_, i) => dates[i] === latest);
    if (latestOnes.length === 1) return pick(latestOnes[0], 'later-published');
  }
  return pick(pool[0], 'undecided');
}

/** The shown report with the others listed on it. */
export function withVersions(choice: VersionChoice): Report {
  return {
    ...choice.shown.report,
    versions: {
      basis: choice.basis,
      others: choice.others.map((o) => ({
        source: o.file,
        sha256: o.sha256,
        title: o.report.title,
        ...(o.report.sourceInfo?.published ? { published: o.report.sourceInfo.published } : {}),
        ...(o.report.sourceInfo?.url ? { url: o.report.sourceInfo.url } : {}),
      })),
    },
  };
}
