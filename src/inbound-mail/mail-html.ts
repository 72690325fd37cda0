import sanitizeHtml from 'sanitize-html';

export interface MailHtmlOptions {
  /** Keep images linked from the internet (http/https). Off by default: loading one tells the sender the mail was read. */
  remoteImages?: boolean;
}

/** Tables, lists, headings and inline formatting as mail clients write them; nothing that runs or loads. */
const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'img'),
  'img',
  'font',
  'center',
  'u',
  's',
  'strike',
  'small',
  'big',
];

const CELL = ['colspan', 'rowspan', 'align', 'valign', 'width', 'height', 'bgcolor'];

/**
 * The HTML of an email, made safe to show inside the panel: no script, no style sheets or
 * style attributes (CSS can load from the internet and cover the page), no event handlers, no
 * forms or frames, links only to http, https and mailto (each opening a new tab without a
 * referrer), and images only when inline as data: URLs, or from the internet when allowed.
 * What is left is formatting.
 */
export function sanitizeMailHtml(html: string, options: MailHtmlOptions = {}): string {
  const imageSchemes = options.remoteImages ? ['http', 'https', 'data'] : ['data'];
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      font: ['color', 'size'],
      table: ['border', 'cellpadding', 'cellspacing', 'width', 'align', 'bgcolor'],
      td: CELL,
      th: CELL,
      tr: ['align', 'valign', 'bgcolor'],
      '*': ['align', 'dir', 'lang'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: imageSchemes },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Only raster pictures inline (an SVG is a document that can carry script), or from the internet when
    // allowed; never a relative address, which would point into the panel's own site.
    exclusiveFilter: (frame) => frame.tag === 'img' && !keepsImage(frame.attribs.src ?? '', options),
    transformTags: {
      a: (tagName, attribs) => {
        const { href, ...rest } = attribs;
        // A relative link would point into the panel's own site.
        const absolute = href !== undefined && /^\s*(https?:\/\/|mailto:)/i.test(href);
        return { tagName, attribs: { ...rest, ...(absolute && { href }), rel: 'noopener noreferrer nofollow', target: '_blank' } };
      },
    },
  });
}

function keepsImage(src: string, options: MailHtmlOptions): boolean {
  if (/^data:image\/(png|jpe?g|gif|webp);/i.test(src)) return true;
  return options.remoteImages === true && /^https?:\/\//i.test(src);
}

/** Plain text for a message that came as HTML only: the markup's text, without what sanitising would drop. */
export function textOfHtml(html: string): string {
  return sanitizeHtml(html.replace(/<\s*br\s*\/?>/gi, '\n').replace(/<\/\s*(p|div|tr|li|h[1-6])\s*>/gi, '\n'), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
