/**
 * Whether a string can be one mailbox a relay would take in RCPT TO: a dot-atom local
 * part and a dotted host name with letters in its top-level label. Quoted local parts
 * and address literals are legal but never seen from real subscribers, and refusing
 * them here keeps header injection (CR, LF, commas, angle brackets) out by construction.
 */
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
const TOP_LABEL = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

export const EMAIL_ADDRESS_MAX_LENGTH = 254;

export function isEmailAddress(value: string): boolean {
  if (value.length === 0 || value.length > EMAIL_ADDRESS_MAX_LENGTH) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return false;
  return TOP_LABEL.test(labels[labels.length - 1]);
}

/** The address part of "Name <address>" or a bare address, as EMAIL_FROM allows. */
export function mailboxAddress(mailbox: string): string {
  const angled = /<([^<>]+)>\s*$/.exec(mailbox);
  return (angled ? angled[1] : mailbox).trim();
}
