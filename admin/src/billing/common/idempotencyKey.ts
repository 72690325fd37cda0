/**
 * A fresh Idempotency-Key. getRandomValues rather than randomUUID, which
 * browsers offer only on secure (https or localhost) pages.
 */
export const newIdempotencyKey = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `pay-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
};
