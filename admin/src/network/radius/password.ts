/** Letters and digits a clerk can read out on the phone: no 0/O, 1/l/I. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
export const GENERATED_LENGTH = 16;
export const PASSWORD_MIN_LENGTH = 8;

/** A random password from the browser's cryptographic source, unbiased (values past the last whole alphabet are drawn again). */
export const generatePassword = (length = GENERATED_LENGTH): string => {
  const limit = 256 - (256 % ALPHABET.length);
  let password = '';
  while (password.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && password.length < length) password += ALPHABET[byte % ALPHABET.length];
    }
  }
  return password;
};

/** What the API takes: printable ASCII without spaces. */
export const passwordProblem = (password: string): string | null => {
  if (password.length < PASSWORD_MIN_LENGTH) return `At least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > 128) return 'At most 128 characters';
  if (!/^[\x21-\x7e]+$/.test(password)) return 'Letters, digits and punctuation only, without spaces';
  return null;
};

/** What the API takes as a RADIUS username. */
export const usernameProblem = (username: string): string | null =>
  /^[A-Za-z0-9][A-Za-z0-9._@+-]*$/.test(username) ? null : 'Starts with a letter or digit; then letters, digits and . _ @ + - only';
