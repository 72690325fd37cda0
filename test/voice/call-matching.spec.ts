import type { CallRecord } from '../../src/voice/call-record';
import { matchCall } from '../../src/voice/call-matching';

const subscribers = new Map([
  ['12125550100', 7],
  ['12125550101', 8],
]);
const serviceOf = (number: string) => subscribers.get(number);

const call = (from: string | null, to: string, direction: CallRecord['direction'] = null): CallRecord => ({
  identity: 'x',
  line: 1,
  start: new Date('2026-03-02T10:00:00Z'),
  durationSeconds: 60,
  from,
  fromAsWritten: from ?? 'anonymous',
  to,
  toAsWritten: to,
  direction,
});

describe('matching a call to the voice service of the subscriber at one end', () => {
  it('makes a call from a subscriber’s number outbound, and one to it inbound', () => {
    expect(matchCall(call('12125550100', '442079460958'), serviceOf)).toEqual({ serviceId: 7, direction: 'outbound' });
    expect(matchCall(call(null, '12125550101'), serviceOf)).toEqual({ serviceId: 8, direction: 'inbound' });
  });

  it('gives a call between two subscribers to the caller', () => {
    expect(matchCall(call('12125550101', '12125550100'), serviceOf)).toEqual({ serviceId: 8, direction: 'outbound' });
  });

  it('holds to the direction the file gives', () => {
    expect(matchCall(call('12125550101', '12125550100', 'inbound'), serviceOf)).toEqual({ serviceId: 7, direction: 'inbound' });
    expect(matchCall(call('442079460958', '12125550100', 'outbound'), serviceOf)).toEqual({
      reason: 'unmatched',
      message: "the caller is not a subscriber's number (from +442079460958 to +12125550100)",
    });
  });

  it('sets aside a call with no subscriber at either end', () => {
    expect(matchCall(call(null, '442079460958'), serviceOf)).toEqual({
      reason: 'unmatched',
      message: `neither end is a subscriber's number (from "anonymous" to +442079460958)`,
    });
  });
});
