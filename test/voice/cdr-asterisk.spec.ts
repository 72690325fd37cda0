import { Readable } from 'node:stream';
import type { CdrLine } from '../../src/voice/call-record';
import { asteriskColumns, readAsteriskCdr, type AsteriskCdrOptions } from '../../src/voice/cdr-asterisk';

/** A Master.csv line as Asterisk writes it: text quoted with inner quotes doubled, numbers bare, an unset time empty. */
function masterLine(f: {
  src?: string;
  dst?: string;
  start?: string;
  answer?: string;
  end?: string;
  duration?: string;
  billsec?: string;
  disposition?: string;
  extra?: string[];
}): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const time = (s: string) => (s ? q(s) : '');
  const src = f.src ?? '2125550100';
  const dst = f.dst ?? '011442079460958';
  return [
    q('acct-7'),
    q(src),
    q(dst),
    q('from-internal'),
    q(`"Alice Smith" <${src}>`),
    q('PJSIP/alice-00000001'),
    q('PJSIP/trunk-00000002'),
    q('Dial'),
    q(`PJSIP/${dst}@trunk,60,tT`),
    time(f.start ?? '2026-03-02 10:00:00'),
    time(f.answer ?? '2026-03-02 10:00:05'),
    time(f.end ?? '2026-03-02 10:01:10'),
    f.duration ?? '70',
    f.billsec ?? '65',
    q(f.disposition ?? 'ANSWERED'),
    q('DOCUMENTATION'),
    ...(f.extra ?? []).map(q),
  ].join(',');
}

async function read(text: string | Iterable<string> | AsyncIterable<string>, options: AsteriskCdrOptions): Promise<CdrLine[]> {
  const lines: CdrLine[] = [];
  for await (const line of readAsteriskCdr(typeof text === 'string' ? text : Readable.from(text), options)) lines.push(line);
  return lines;
}

const US_UTC: AsteriskCdrOptions = { defaultCountry: 'US', timeZone: 'UTC' };

describe('Asterisk Master.csv', () => {
  it('has sixteen columns, then those cdr.conf switches on, in Asterisk’s order', () => {
    expect(asteriskColumns(US_UTC)).toHaveLength(16);
    expect(asteriskColumns({ ...US_UTC, logUniqueId: true, logUserField: true, newCdrColumns: true }).slice(13)).toEqual([
      'billsec',
      'disposition',
      'amaflags',
      'uniqueid',
      'userfield',
      'peeraccount',
      'linkedid',
      'sequence',
    ]);
  });

  it('reads a call: billed on billsec, numbers as E.164 digits, quotes and commas inside fields kept whole', async () => {
    const [line] = await read(masterLine({}) + '\n', US_UTC);
    expect(line.reject).toBeUndefined();
    expect(line.call).toEqual({
      identity: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      line: 1,
      start: new Date('2026-03-02T10:00:00Z'),
      // billsec (65), not duration (70), which counts the ringing too.
      durationSeconds: 65,
      from: '12125550100',
      fromAsWritten: '2125550100',
      // Dialled with the US international prefix 011.
      to: '442079460958',
      toAsWritten: '011442079460958',
      direction: null,
      accountCode: 'acct-7',
      disposition: 'ANSWERED',
    });
  });

  it('reads the start in the switch’s zone unless it writes GMT', async () => {
    const [line] = await read(masterLine({}), { ...US_UTC, timeZone: 'America/New_York' });
    expect(line.call?.start).toEqual(new Date('2026-03-02T15:00:00Z'));
  });

  it('keeps an unanswered call, with no talk time, and a withheld caller as no number', async () => {
    const [line] = await read(masterLine({ src: 'anonymous', answer: '', billsec: '0', duration: '25', disposition: 'NO ANSWER' }), US_UTC);
    expect(line.call).toMatchObject({ durationSeconds: 0, from: null, fromAsWritten: 'anonymous', disposition: 'NO ANSWER' });
  });

  it('takes the unique id (with the sequence when logged) as the identity', async () => {
    const withId = { ...US_UTC, logUniqueId: true, logUserField: true };
    const [plain] = await read(masterLine({ extra: ['1772445600.17', 'vip'] }), withId);
    expect(plain.call?.identity).toBe('1772445600.17');
    const [sequenced] = await read(masterLine({ extra: ['1772445600.17', '', 'peer', '1772445600.16', '3'] }), {
      ...withId,
      newCdrColumns: true,
    });
    expect(sequenced.call?.identity).toBe('1772445600.17#3');
  });

  it('gives a line without an id the same identity each time it is read, and another call another', async () => {
    const once = await read(masterLine({}), US_UTC);
    const again = await read(masterLine({}), US_UTC);
    const other = await read(masterLine({ billsec: '66' }), US_UTC);
    expect(again[0].call?.identity).toBe(once[0].call?.identity);
    expect(other[0].call?.identity).not.toBe(once[0].call?.identity);
  });

  it('keeps every line it cannot bill as a reject with the reason, and reads on past it', async () => {
    const file = [
      masterLine({}),
      masterLine({ dst: '1002' }),
      masterLine({ dst: '' }),
      masterLine({ start: '2026-02-30 10:00:00' }),
      masterLine({ billsec: '-5' }),
      masterLine({ duration: 'seventy' }),
      masterLine({ extra: ['1772445600.17'] }),
      '"acct-7","2125550100,"0114420794',
      '',
      masterLine({ dst: '2125550199' }),
    ].join('\r\n');
    const lines = await read(file, US_UTC);
    expect(lines.map((l) => (l.call ? ['call', l.call.line, l.call.to] : ['reject', l.reject.line, l.reject.reason]))).toEqual([
      ['call', 1, '442079460958'],
      ['reject', 2, 'not_e164'],
      ['reject', 3, 'missing_number'],
      ['reject', 4, 'bad_date'],
      ['reject', 5, 'negative_duration'],
      ['reject', 6, 'bad_duration'],
      ['reject', 7, 'columns'],
      // An open quote: the line alone is rejected, and the blank line 9 is skipped but counted.
      ['reject', 8, 'malformed_csv'],
      ['call', 10, '12125550199'],
    ]);
    expect(lines[1].reject).toEqual({
      line: 2,
      reason: 'not_e164',
      message: 'the called number "1002" does not read as a phone number in US',
      raw: masterLine({ dst: '1002' }),
    });
    expect(lines[6].reject?.message).toBe("17 columns where this switch's settings give 16");
  });

  it('streams a large file, every line a call or a reject, in order', async () => {
    const count = 10_000;
    function* file() {
      for (let i = 1; i <= count; i++) {
        const second = String(i % 60).padStart(2, '0');
        yield (i % 500 === 0 ? 'broken,"line' : masterLine({ start: `2026-03-02 10:00:${second}`, billsec: String(i % 600) })) + '\n';
      }
    }
    let calls = 0;
    let outOfOrder = 0;
    const rejects: number[] = [];
    let last = 0;
    for await (const line of readAsteriskCdr(Readable.from(file()), US_UTC)) {
      const number = line.call?.line ?? line.reject!.line;
      if (number !== last + 1) outOfOrder++;
      last = number;
      if (line.call) calls++;
      else rejects.push(line.reject.line);
    }
    expect(outOfOrder).toBe(0);
    expect(last).toBe(count);
    expect(calls).toBe(count - 20);
    expect(rejects).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 500));
  });

  it('fails, rather than waiting forever, when the file cannot be read to its end', async () => {
    async function* breaks() {
      yield masterLine({}) + '\n';
      throw new Error('disk gone');
    }
    await expect(read(breaks(), US_UTC)).rejects.toThrow('disk gone');
  });

  it('refuses an unknown time zone before reading', async () => {
    await expect(read(masterLine({}), { ...US_UTC, timeZone: 'Mars/Olympus' })).rejects.toThrow(RangeError);
  });
});
