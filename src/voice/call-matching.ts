import type { CallRecord } from './call-record';
import type { CallDirection } from './rate-deck';

export type CallMatch = { serviceId: number; direction: CallDirection; reason?: never } | { reason: 'unmatched'; message: string };

/**
 * Which voice service a call belongs to, by the subscriber numbers (DIDs) at either end. Where
 * the file says the direction, that end must be a subscriber's. Where it does not, a call from a
 * subscriber's number is that service's outbound call, else a call to one is inbound; a call
 * between two subscribers is thus the caller's. A call with no subscriber at the expected end is
 * unmatched and set aside with the numbers it had.
 */
export function matchCall(call: CallRecord, serviceOf: (number: string) => number | undefined): CallMatch {
  const caller = call.from === null ? undefined : serviceOf(call.from);
  const called = serviceOf(call.to);
  if (call.direction !== 'inbound' && caller !== undefined) return { serviceId: caller, direction: 'outbound' };
  if (call.direction !== 'outbound' && called !== undefined) return { serviceId: called, direction: 'inbound' };
  const ends = `from ${call.from ? `+${call.from}` : JSON.stringify(call.fromAsWritten)} to +${call.to}`;
  const which =
    call.direction === 'outbound' ? 'the caller is not' : call.direction === 'inbound' ? 'the called number is not' : 'neither end is';
  return { reason: 'unmatched', message: `${which} a subscriber's number (${ends})` };
}
