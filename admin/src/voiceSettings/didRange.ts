import { MAX_DID_RANGE } from './types';

export type RangePreview = { count: number; from: string; to: string } | { problem: string } | null;

const digitsOf = (text: string): string => text.replace(/\D/g, '');

/**
 * How many numbers "from" to "to" adds, both included, worked out as the clerk types. The server
 * puts the instance's country code before a number written without one, so when one end has more
 * digits than the other the count is taken on the shorter one's digits: the extra leading ones are
 * that code. Nothing until both ends look like numbers.
 */
export const previewRange = (fromText: string, toText: string): RangePreview => {
  const from = digitsOf(fromText);
  const to = digitsOf(toText);
  if (from.length < 4 || to.length < 4) return null;
  if (from.length > 15 || to.length > 15) return { problem: 'A phone number has at most 15 digits' };
  const width = Math.min(from.length, to.length);
  const first = BigInt(from.slice(-width));
  const last = BigInt(to.slice(-width));
  if (last < first) return { problem: 'The last number comes before the first' };
  const count = last - first + 1n;
  if (count > BigInt(MAX_DID_RANGE)) {
    return { problem: `A range adds at most ${MAX_DID_RANGE.toLocaleString()} numbers; this one is ${count.toLocaleString()}` };
  }
  return { count: Number(count), from, to };
};
