import type { CdrLine } from '../../src/voice/call-record';
import { CdrFileError, readGenericCdr, type GenericCdrOptions } from '../../src/voice/cdr-generic';

async function read(text: string, options: GenericCdrOptions): Promise<CdrLine[]> {
  const lines: CdrLine[] = [];
  for await (const line of readGenericCdr(text, options)) lines.push(line);
  return lines;
}

const summary = (lines: CdrLine[]) =>
  lines.map((l) => (l.call ? ['call', l.call.line, l.call.durationSeconds, l.call.direction] : ['reject', l.reject.line, l.reject.reason]));

describe('a CSV of calls with a column mapping and seconds', () => {
  const options: GenericCdrOptions = {
    defaultCountry: 'GB',
    timeZone: 'Europe/London',
    mapping: { callId: 'Call ID', start: 'started_at', durationSeconds: 'seconds', from: 'caller', to: 'callee', direction: 'dir' },
  };
  const header = 'call id , Started_At,seconds,caller,callee,dir,notes';

  it('reads calls through the mapping, whatever the case and spacing of the header', async () => {
    const lines = await read(
      [header, 'c-1,2026-07-02 10:00:05,65,020 7946 0958,+1 212 555 0100,Outbound,"late, again"'].join('\n'),
      options,
    );
    expect(lines).toEqual([
      {
        call: {
          identity: 'c-1',
          line: 2,
          // Local London time, an hour ahead of UTC in July.
          start: new Date('2026-07-02T09:00:05Z'),
          durationSeconds: 65,
          from: '442079460958',
          fromAsWritten: '020 7946 0958',
          to: '12125550100',
          toAsWritten: '+1 212 555 0100',
          direction: 'outbound',
        },
      },
    ]);
  });

  it('keeps the lines it cannot bill as rejects with the reason', async () => {
    const lines = await read(
      [
        header,
        'c-1,2026-07-02T10:00:05+01:00,65,02079460958,07700900123,in,',
        'c-2,2026-07-02 10:00:05,65,02079460958,07700900123,sideways,',
        'c-3,2026-07-02 10:00:05,-1,02079460958,07700900123,out,',
        'c-4,2026-07-02 10:00:05,1.5,02079460958,07700900123,out,',
        'c-5,last tuesday,65,02079460958,07700900123,out,',
        'c-6,2026-07-02 10:00:05,65,02079460958,,out,',
        'c-7,2026-07-02 10:00:05,65,02079460958,12,out,',
        'c-8,2026-07-02 10:00:05,65,02079460958,07700900123',
        'c-9,2026-07-02 10:00:05,65,"0207"9460958,07700900123,out,',
        'c-10,1783069205,0,,07700900123,out,',
      ].join('\n'),
      options,
    );
    expect(summary(lines)).toEqual([
      ['call', 2, 65, 'inbound'],
      ['reject', 3, 'bad_direction'],
      ['reject', 4, 'negative_duration'],
      ['reject', 5, 'bad_duration'],
      ['reject', 6, 'bad_date'],
      ['reject', 7, 'missing_number'],
      ['reject', 8, 'not_e164'],
      ['reject', 9, 'columns'],
      ['reject', 10, 'malformed_csv'],
      // Seconds since 1970, nobody answered, no caller id: still a call, of no seconds.
      ['call', 11, 0, 'outbound'],
    ]);
    expect(lines[1].reject).toMatchObject({
      message: 'direction "sideways" is neither inbound nor outbound',
      raw: 'c-2,2026-07-02 10:00:05,65,02079460958,07700900123,sideways,',
    });
  });

  it('refuses the whole file when the header lacks a mapped column', async () => {
    await expect(read('started_at,seconds,caller,callee\n2026-07-02 10:00:05,65,1,2', options)).rejects.toThrow(
      new CdrFileError('the header has no column "Call ID" (mapped to callId); it has started_at, seconds, caller, callee'),
    );
  });

  it('refuses a mapping with neither seconds nor answer and end', async () => {
    const mapping = { ...options.mapping, durationSeconds: undefined };
    await expect(read(header, { ...options, mapping })).rejects.toThrow(
      new CdrFileError('the mapping needs a durationSeconds column, or both answer and end'),
    );
  });
});

describe('a CSV of calls with answer and end times and no call id', () => {
  const options: GenericCdrOptions = {
    defaultCountry: 'US',
    timeZone: 'UTC',
    mapping: { start: 'Start', answer: 'Answered', end: 'Ended', from: 'From', to: 'To' },
  };
  const header = 'Start,Answered,Ended,From,To';

  it('takes the talk time from answer to end, a part second as a whole one, and none when unanswered', async () => {
    const lines = await read(
      [
        header,
        '2026-03-02 10:00:00,2026-03-02 10:00:05,2026-03-02 10:01:10,2125550100,3125550100',
        '2026-03-02 10:00:00,2026-03-02T10:00:05.200Z,2026-03-02T10:01:10.300Z,2125550100,3125550100',
        '2026-03-02 10:00:00,,2026-03-02 10:00:30,2125550100,3125550100',
        '2026-03-02 10:00:00,2026-03-02 10:02:00,2026-03-02 10:01:00,2125550100,3125550100',
        '2026-03-02 10:00:00,soon,2026-03-02 10:01:00,2125550100,3125550100',
      ].join('\n'),
      options,
    );
    expect(summary(lines)).toEqual([
      ['call', 2, 65, null],
      // 65.1 s → 66.
      ['call', 3, 66, null],
      ['call', 4, 0, null],
      ['reject', 5, 'negative_duration'],
      ['reject', 6, 'bad_date'],
    ]);
  });

  it('gives each call a hash of what makes it that call, the same on every read', async () => {
    const file = [header, '2026-03-02 10:00:00,2026-03-02 10:00:05,2026-03-02 10:01:10,2125550100,3125550100'].join('\n');
    const [first] = await read(file, options);
    const [again] = await read(file, options);
    const [later] = await read(file.replace('10:01:10', '10:01:11'), options);
    expect(first.call?.identity).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(again.call?.identity).toBe(first.call?.identity);
    expect(later.call?.identity).not.toBe(first.call?.identity);
  });
});
