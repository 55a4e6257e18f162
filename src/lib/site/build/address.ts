// Where the site and its repository are, from the build's environment. Unset locally: then the
// site uses relative links only (no canonical address, no sitemap) and report pages carry no
// 「纠错」 link; the build says so at its start (astro.config.mjs). Never a placeholder address.
const env = (name: string): string | undefined => (typeof process === 'undefined' ? undefined : process.env[name]?.trim()) || undefined;

/** The site's origin (https://owner.github.io), set by the deploy workflow. */
export const SITE_ADDRESS: string | undefined = env('SITE');

/** owner/name of the GitHub repository, as GitHub Actions sets GITHUB_REPOSITORY. */
export const REPOSITORY: string | undefined = (() => {
  const r = env('GITHUB_REPOSITORY');
  return r && /^[\w.-]+\/[\w.-]+$/.test(r) ? r : undefined;
})();
const GITHUB_SERVER = env('GITHUB_SERVER_URL') ?? 'https://github.com';

/** The repository's web address, where known. */
export const repositoryUrl = (repo = REPOSITORY): string | undefined => (repo ? `${GITHUB_SERVER}/${repo}` : undefined);

/** Fields of .github/ISSUE_TEMPLATE/correction.yml that a link can prefill (by their ids). */
export interface CorrectionFields {
  title: string;
  page: string;
  figure?: string;
  shown?: string;
}

/** A new issue from the correction form, prefilled (GitHub reads `?template=…&{field id}=…`). */
export function correctionHref(fields: CorrectionFields, repo = REPOSITORY): string | undefined {
  const base = repositoryUrl(repo);
  if (!base) return undefined;
  const q = new URLSearchParams({ template: 'correction.yml', title: fields.title, page: fields.page });
  if (fields.figure) q.set('figure', fields.figure);
  if (fields.shown) q.set('shown', fields.shown);
  return `${base}/issues/new?${q}`;
}

/** What the build says at its start about addresses it lacks. */
export function addressNotes(site = SITE_ADDRESS, repo = REPOSITORY): string[] {
  const notes: string[] = [];
  if (!site) notes.push('SITE is not set: building with relative links only (no canonical addresses, no sitemap; citations use the address the reader sees). The deploy workflow sets it.');
  if (!repo) notes.push('GITHUB_REPOSITORY is not set: report pages carry no 纠错 (correction request) link. GitHub Actions sets it.');
  return notes;
}
