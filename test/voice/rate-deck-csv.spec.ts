import { RateDeck } from '../../src/voice/rate-deck';
import { readRateDeckCsv } from '../../src/voice/rate-deck-csv';

describe('a rate deck from CSV', () => {
  it('reads each destination exactly, rates in micro-units', async () => {
    const sut = await readRateDeckCsv(
      [
        'Prefix,Description,Direction,Rate,Minimum,Increment',
        '1,"United States, Canada",outbound,0.0100,6,6',
        '+1212,New York,Outbound,0.0045,30,6',
        '44,United Kingdom,outbound,0.021,60,60',
        '1800,Toll-free,inbound,0.0175,1,1',
      ].join('\r\n'),
    );
    expect(sut.errors).toEqual([]);
    expect(sut.rows).toEqual([
      {
        prefix: '1',
        description: 'United States, Canada',
        direction: 'outbound',
        ratePerMinuteMicro: 10_000,
        minimumSeconds: 6,
        incrementSeconds: 6,
      },
      {
        prefix: '1212',
        description: 'New York',
        direction: 'outbound',
        ratePerMinuteMicro: 4_500,
        minimumSeconds: 30,
        incrementSeconds: 6,
      },
      {
        prefix: '44',
        description: 'United Kingdom',
        direction: 'outbound',
        ratePerMinuteMicro: 21_000,
        minimumSeconds: 60,
        incrementSeconds: 60,
      },
      {
        prefix: '1800',
        description: 'Toll-free',
        direction: 'inbound',
        ratePerMinuteMicro: 17_500,
        minimumSeconds: 1,
        incrementSeconds: 1,
      },
    ]);
    expect(new RateDeck(sut.rows).rateFor('outbound', '12125550100', new Date())?.description).toBe('New York');
  });

  it('reports every problem with its line and column, and keeps only the good rows', async () => {
    const sut = await readRateDeckCsv(
      [
        'prefix,description,direction,rate,minimum,increment,effective_from',
        '44,United Kingdom,outbound,0.021,60,60,',
        '4A,Bad prefix,outbound,0.01,60,60,',
        '33,France,both,0.01,60,60,',
        '34,Spain,outbound,0.00000001,60,60,',
        '35,Portugal,outbound,0.01,sixty,0,',
        '44,United Kingdom again,Outbound,0.019,60,60,',
        '44,United Kingdom from spring,outbound,0.019,60,60,2026-03-15',
        '44,United Kingdom inbound,inbound,0,60,60,',
        '46,Sweden,outbound,0.01,60,60,2026-02-30',
        '47,Norway,outbound,0.01,60',
        '48,"Poland,outbound,0.01,60,60,',
      ].join('\n'),
    );
    expect(sut.errors.map((e) => [e.line, e.field, e.rule])).toEqual([
      [3, 'prefix', 'digits'],
      [4, 'direction', 'oneOf'],
      [5, 'rate', 'decimal'],
      [6, 'minimum', 'seconds'],
      [6, 'increment', 'seconds'],
      [7, 'prefix', 'unique'],
      [10, 'effective_from', 'date'],
      [11, 'line', 'columns'],
      [12, 'line', 'csv'],
    ]);
    expect(sut.errors.find((e) => e.line === 7)?.message).toBe('prefix 44 outbound is already on line 2');
    expect(sut.errors.find((e) => e.line === 5)?.message).toBe('rate: 0.00000001 has 8 decimal places; a rate has at most 6');
    expect(sut.rows.map((r) => [r.prefix, r.direction, r.ratePerMinuteMicro, r.effectiveFrom?.toISOString()])).toEqual([
      ['44', 'outbound', 21_000, undefined],
      ['44', 'outbound', 19_000, '2026-03-15T00:00:00.000Z'],
      ['44', 'inbound', 0, undefined],
    ]);
  });

  it('refuses a header without the columns it needs, and an empty file', async () => {
    const noRate = await readRateDeckCsv('prefix,description,direction,minimum,increment\n44,UK,outbound,60,60');
    expect(noRate).toEqual({
      rows: [],
      errors: [
        {
          line: 1,
          field: 'header',
          rule: 'columns',
          message: 'the header lacks rate; it needs prefix, description, direction, rate, minimum, increment (and may have effective_from)',
        },
      ],
    });
    expect((await readRateDeckCsv('')).errors).toMatchObject([{ line: 1, field: 'header', rule: 'columns' }]);
  });
});
