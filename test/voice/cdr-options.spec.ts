import { countLines } from '../../src/voice/cdr-import.service';
import { readCdrOptions } from '../../src/voice/cdr-options';

const DEFAULTS = { timeZone: 'America/Chicago', defaultCountry: 'US' };

describe('how a switch file is to be read', () => {
  it('takes an Asterisk file with the instance’s defaults when nothing is said', () => {
    expect(readCdrOptions({}, DEFAULTS)).toEqual({
      reading: { format: 'asterisk', options: { timeZone: 'America/Chicago', defaultCountry: 'US' } },
      errors: [],
    });
  });

  it('reads upload fields as text and a sidecar as JSON alike', () => {
    const fromFields = readCdrOptions(
      { format: 'asterisk', timeZone: 'UTC', logUniqueId: 'true', newCdrColumns: 'false', direction: 'outbound' },
      DEFAULTS,
    );
    const fromSidecar = readCdrOptions(
      { format: 'asterisk', timeZone: 'UTC', logUniqueId: true, newCdrColumns: false, direction: 'outbound' },
      DEFAULTS,
    );
    expect(fromFields).toEqual(fromSidecar);
    expect(fromFields.reading?.options).toEqual({
      timeZone: 'UTC',
      defaultCountry: 'US',
      direction: 'outbound',
      logUniqueId: true,
      newCdrColumns: false,
    });
  });

  it('reads a generic file’s mapping from JSON text or an object', () => {
    const mapping = { start: 'Start', from: 'Caller', to: 'Called', answer: 'Answered', end: 'Ended' };
    const reading = readCdrOptions({ format: 'generic', mapping: JSON.stringify(mapping), defaultCountry: 'gb' }, DEFAULTS).reading;
    expect(reading).toEqual({ format: 'generic', options: { timeZone: 'America/Chicago', defaultCountry: 'GB', mapping } });
    expect(readCdrOptions({ format: 'generic', mapping }, DEFAULTS).reading?.options.mapping).toEqual(mapping);
  });

  it('names every field and rule it cannot use', () => {
    const { errors } = readCdrOptions(
      {
        format: 'generic',
        timeZone: 'Mars/Olympus',
        defaultCountry: 'XX',
        direction: 'sideways',
        logUniqueId: 'yes',
        colour: 'red',
        mapping: '{"start":"Start","callee":"To"}',
      },
      DEFAULTS,
    );
    expect(errors.map((e) => `${e.field} ${e.rule}`)).toEqual([
      'colour unknownField',
      'timeZone timeZone',
      'defaultCountry country',
      'direction isIn',
      'logUniqueId notAllowed',
      'mapping.callee unknownField',
      'mapping.from required',
      'mapping.to required',
      'mapping.durationSeconds required',
    ]);
    expect(readCdrOptions({ format: 'csv' }, DEFAULTS).errors).toEqual([expect.objectContaining({ field: 'format', rule: 'isIn' })]);
    expect(readCdrOptions({ format: 'generic', mapping: '{' }, DEFAULTS).errors).toEqual([
      expect.objectContaining({ field: 'mapping', rule: 'json' }),
    ]);
    expect(readCdrOptions({ mapping: '{}' }, DEFAULTS).errors).toEqual([expect.objectContaining({ field: 'mapping', rule: 'notAllowed' })]);
  });
});

describe('lines of a chunk, counted as the line reader counts them', () => {
  it('counts LF, CRLF and a lone CR as one break each, and text after the last break as a line', () => {
    expect(countLines(Buffer.from(''))).toBe(0);
    expect(countLines(Buffer.from('a'))).toBe(1);
    expect(countLines(Buffer.from('a\n'))).toBe(1);
    expect(countLines(Buffer.from('a\r\nb\r\n'))).toBe(2);
    expect(countLines(Buffer.from('a\rb\nc'))).toBe(3);
    expect(countLines(Buffer.from('\n\n\n'))).toBe(3);
  });
});
