import sanitizeHtml from 'sanitize-html';

/**
 * The HTML a contract may hold: what a printed agreement needs (headings, paragraphs, emphasis,
 * lists, tables, rules, links) and nothing that runs, loads or styles. No script, no event
 * handler, no image or other remote resource, no style or class: the document renders the same
 * in the panel, on the public signing page and in the PDF, and opening it fetches nothing.
 */
export const CONTRACT_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'br',
  'hr',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'small',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'div',
  'span',
] as const;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...CONTRACT_TAGS],
  allowedAttributes: { a: ['href'], ol: ['start'], td: ['colspan'], th: ['colspan'] },
  // A link is only ever followed by a reader's click; javascript: and data: are gone with everything else.
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // What a removed element held is dropped with it where it is code or a resource, kept where it is text.
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
};

/** A template body or a rendered contract reduced to the allowed HTML. */
export function sanitiseContractHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A merge value as HTML text: whatever the account's data holds prints as characters, never as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}
