/** The forms of a MAC address the API takes (as it reads them): pairs with colons or hyphens, Cisco's dotted quads, bare hex. */
const MAC_FORMS = [
  /^([0-9a-f]{2})([:-])([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})$/i,
  /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i,
  /^[0-9a-f]{12}$/i,
];

/** Why the text typed is not a MAC address, or null when it is one (or nothing is typed yet). */
export const macProblem = (text: string): string | null =>
  !text.trim() || MAC_FORMS.some((form) => form.test(text.trim()))
    ? null
    : 'Not a MAC address: six pairs of hex digits, e.g. 00:1a:2b:3c:4d:5e';

export const MAC_PLACEHOLDER = '00:1a:2b:3c:4d:5e';

/** A MAC address input's own attributes: as long as the longest form, not spell-checked, in monospace. */
export const MAC_HTML_INPUT = { maxLength: 20, spellCheck: false, style: { fontFamily: 'monospace' } };
