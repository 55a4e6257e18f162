// The report's prose, Markdown → HTML at build time. The text is untrusted: raw HTML in it is
// turned into visible text (a `<script>` shows as `<script>`), the result is sanitized, images
// become their alt text (nothing is loaded from other hosts), headings become bold paragraphs so
// the page's heading order stays intact.
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

interface MdNode {
  type: string;
  value?: string;
  alt?: string | null;
  url?: string;
  depth?: number;
  children?: MdNode[];
}

const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem']);

function rewrite(node: MdNode, parent?: MdNode): MdNode {
  if (node.type === 'html') {
    const text = { type: 'text', value: node.value ?? '' };
    // A block of HTML sits where a paragraph would: keep it one.
    return parent && BLOCK_PARENTS.has(parent.type) ? { type: 'paragraph', children: [text] } : text;
  }
  if (node.type === 'image' || node.type === 'imageReference')
    return { type: 'text', value: node.alt ? `［图片：${node.alt}］` : '［图片］' };
  if (node.type === 'heading')
    return { type: 'paragraph', children: [{ type: 'strong', children: (node.children ?? []).map((c) => rewrite(c, node)) }] };
  if (node.children) return { ...node, children: node.children.map((c) => rewrite(c, node)) };
  return node;
}

/** remark plugin: untrusted-text rewrites above. */
function untrustedText() {
  return (tree: MdNode) => rewrite(tree);
}

const processor = unified()
  .use(remarkParse)
  .use(untrustedText)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeStringify);

export function renderProse(markdown: string): string {
  return String(processor.processSync(markdown));
}
