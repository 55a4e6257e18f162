// node scripts/pages-tree.ts DIST TREE
// The site as the deploy workflow uploads it to GitHub Pages in a split build (DOWNLOADS_SITE): DIST
// hard-linked into TREE (emptied first) without the chart embed pages, which the downloads site
// serves; they stay in DIST for Astro's incremental build (src/lib/site/build/embeds.ts).
import { resolve } from 'node:path';
import { pagesTree } from '../src/lib/site/build/embeds.ts';

const [dist, tree] = process.argv.slice(2);
if (!dist || !tree) {
  console.error('usage: node scripts/pages-tree.ts DIST TREE');
  process.exit(2);
}
if (resolve(dist) === resolve(tree)) {
  console.error(`pages-tree: TREE must be another folder than DIST (${dist})`);
  process.exit(2);
}
const { files, embeds } = pagesTree(resolve(dist), resolve(tree));
console.log(`pages-tree: ${files} files of ${dist} in ${tree}; ${embeds} chart embed pages left to the downloads site`);
