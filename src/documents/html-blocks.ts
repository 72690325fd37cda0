import { parseDocument } from 'htmlparser2';

/** A stretch of text in one style. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** What a PDF page lays out: the HTML of a document reduced to blocks of styled text. */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[]; indent: number; marker?: string; quote?: boolean }
  | { kind: 'table'; header: string[] | null; rows: string[][] }
  | { kind: 'rule' };

/** The parts of htmlparser2's nodes read here. */
interface HtmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: HtmlNode[];
}

type Style = Omit<Run, 'text'>;

const HEADINGS: Record<string, 1 | 2 | 3 | 4> = { h1: 1, h2: 2, h3: 3, h4: 4 };
const BLOCK_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'table', 'hr', 'blockquote']);
const LIST_INDENT = 16;
/** Stands for a <br> while white space is collapsed, so the break survives as a line break. */
const BREAK = '\u2028';

const isElement = (node: HtmlNode): boolean => node.type === 'tag';

/** Collapses white space as a browser does, and keeps the line breaks of <br>. */
function tidy(runs: Run[]): Run[] {
  const out: Run[] = [];
  let atLineStart = true;
  for (const run of runs) {
    let text = run.text.replace(/[ \t\r\n\f]+/g, ' ');
    if (atLineStart) text = text.replace(/^ /, '');
    text = text.replace(/ ?\u2028 ?/g, '\n');
    if (!text) continue;
    atLineStart = text.endsWith('\n') || text.endsWith(' ');
    const previous = out.at(-1);
    if (previous && previous.bold === run.bold && previous.italic === run.italic && previous.underline === run.underline) {
      previous.text += text;
    } else {
      out.push({ ...run, text });
    }
  }
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/[ \n]+$/, '');
  return out.filter((run) => run.text !== '');
}

function textOf(node: HtmlNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (isElement(node) && node.name === 'br') return ' ';
  return (node.children ?? []).map(textOf).join('');
}

/**
 * Turns sanitised document HTML (contract-html.ts) into blocks. Inline markup becomes styled runs;
 * a link keeps its text and shows where it leads; anything unknown gives its text to the block
 * around it, so no wording of the document is ever lost in the PDF.
 */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let runs: Run[] = [];
  let paragraph: { indent: number; marker?: string; quote?: boolean } = { indent: 0 };

  const flush = (): void => {
    const tidied = tidy(runs);
    if (tidied.length) {
      const { indent, marker, quote } = paragraph;
      blocks.push({ kind: 'paragraph', runs: tidied, indent, ...(marker && { marker }), ...(quote && { quote: true }) });
    }
    runs = [];
    paragraph = { indent: paragraph.indent, quote: paragraph.quote };
  };

  const inline = (node: HtmlNode, style: Style): void => {
    if (node.type === 'text') {
      runs.push({ text: node.data ?? '', ...style });
      return;
    }
    if (!isElement(node)) return;
    const name = node.name ?? '';
    if (BLOCK_TAGS.has(name)) {
      block(node, paragraph.indent, paragraph.quote ?? false);
      return;
    }
    if (name === 'br') {
      runs.push({ text: BREAK, ...style });
      return;
    }
    const next: Style = {
      ...style,
      ...((name === 'strong' || name === 'b') && { bold: true }),
      ...((name === 'em' || name === 'i') && { italic: true }),
      ...((name === 'u' || name === 'a') && { underline: true }),
    };
    for (const child of node.children ?? []) inline(child, next);
    const href = node.attribs?.href;
    if (name === 'a' && href && href !== textOf(node).trim()) runs.push({ text: ` (${href.replace(/^mailto:/, '')})`, ...style });
  };

  const list = (node: HtmlNode, indent: number, quote: boolean): void => {
    const ordered = node.name === 'ol';
    let number = Number.parseInt(node.attribs?.start ?? '1', 10) || 1;
    for (const child of node.children ?? []) {
      if (!isElement(child) || child.name !== 'li') {
        if (child.type === 'text' && !(child.data ?? '').trim()) continue;
        inline(child, {});
        continue;
      }
      flush();
      paragraph = { indent: indent + LIST_INDENT, marker: ordered ? `${number++}.` : '•', quote };
      for (const grandchild of child.children ?? []) {
        if (isElement(grandchild) && (grandchild.name === 'ul' || grandchild.name === 'ol')) {
          flush();
          list(grandchild, indent + LIST_INDENT, quote);
          paragraph = { indent: indent + LIST_INDENT, quote };
        } else {
          inline(grandchild, {});
        }
      }
      flush();
    }
    paragraph = { indent, quote };
  };

  const table = (node: HtmlNode): void => {
    const rows: { cells: string[]; header: boolean }[] = [];
    const collect = (n: HtmlNode): void => {
      for (const child of n.children ?? []) {
        if (!isElement(child)) continue;
        if (child.name === 'tr') {
          const cells = (child.children ?? []).filter((c) => isElement(c) && (c.name === 'td' || c.name === 'th'));
          rows.push({
            cells: cells.map((c) => textOf(c).replace(/\s+/g, ' ').trim()),
            header: cells.length > 0 && cells.every((c) => c.name === 'th'),
          });
        } else {
          collect(child);
        }
      }
    };
    collect(node);
    if (!rows.length) return;
    const width = Math.max(...rows.map((r) => r.cells.length));
    const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill('')];
    const header = rows[0].header ? pad(rows[0].cells) : null;
    blocks.push({ kind: 'table', header, rows: rows.slice(header ? 1 : 0).map((r) => pad(r.cells)) });
  };

  const block = (node: HtmlNode, indent: number, quote: boolean): void => {
    const name = node.name ?? '';
    flush();
    if (name in HEADINGS) {
      for (const child of node.children ?? []) inline(child, { bold: true });
      const tidied = tidy(runs);
      runs = [];
      if (tidied.length) blocks.push({ kind: 'heading', level: HEADINGS[name], runs: tidied });
      return;
    }
    if (name === 'hr') {
      blocks.push({ kind: 'rule' });
      return;
    }
    if (name === 'table') {
      table(node);
      return;
    }
    if (name === 'ul' || name === 'ol') {
      list(node, indent, quote);
      return;
    }
    const inner = name === 'blockquote' ? { indent: indent + LIST_INDENT, quote: true } : { indent, quote };
    paragraph = inner;
    for (const child of node.children ?? []) inline(child, {});
    flush();
    paragraph = { indent, quote };
  };

  const root = parseDocument(html) as unknown as HtmlNode;
  for (const node of root.children ?? []) inline(node, {});
  flush();
  return blocks;
}
