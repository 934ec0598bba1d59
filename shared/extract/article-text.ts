// Turns the element Readability picked into plain text: one paragraph per block, blank lines
// between paragraphs, whitespace collapsed inside them, <br> kept as a line break.

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
]);

const CELL_TAGS = new Set(['TD', 'TH']);

// Node type constants, so this file needs no DOM globals.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

interface Acc {
  paragraphs: string[];
  current: string;
}

function flush(acc: Acc): void {
  const para = acc.current
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
  if (para) acc.paragraphs.push(para);
  acc.current = '';
}

function walk(node: Node, acc: Acc, inPre: boolean): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      const data = child.nodeValue ?? '';
      // Outside <pre>, newlines in the source are just whitespace.
      acc.current += inPre ? data : data.replace(/\s+/g, ' ');
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const tag = (child as Element).tagName.toUpperCase();
    if (tag === 'BR') {
      acc.current += '\n';
      continue;
    }
    if (CELL_TAGS.has(tag)) {
      acc.current += ' ';
      walk(child, acc, inPre);
      acc.current += ' ';
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush(acc);
      walk(child, acc, inPre || tag === 'PRE');
      flush(acc);
      continue;
    }
    walk(child, acc, inPre);
  }
}

/** Plain text of an article element: paragraphs separated by blank lines, trimmed. */
export function articleText(root: Node): string {
  const acc: Acc = { paragraphs: [], current: '' };
  walk(root, acc, false);
  flush(acc);
  return acc.paragraphs.join('\n\n');
}
