import {
  conflictsIntroduced,
  DataLine,
  dataServiceConflicts,
  PlannedEvent,
  UNSAVED_EVENT_ID,
} from '../../src/scheduled-events/data-service-rule';

const at = (iso: string) => new Date(iso);
const plan = (id: number, iso: string, what: Partial<PlannedEvent>): PlannedEvent => ({
  id,
  runAt: at(iso),
  day: iso.slice(0, 10),
  addsData: null,
  removesLine: null,
  summary: `event ${id}`,
  ...what,
});

describe('the one-data-service rule over a timeline', () => {
  const fiber100: DataLine = { accountServiceId: 7, name: 'Fiber 100', removedOn: null };

  it('counts a removal only when it runs strictly earlier, and a booked removal only from its day', () => {
    const upgrade = plan(2, '2026-12-01T08:00:00Z', { addsData: 'Fiber 1000' });
    expect(dataServiceConflicts([fiber100], [upgrade])).toEqual([
      { eventId: 2, summary: 'event 2', runAt: upgrade.runAt, blockers: ['Fiber 100'] },
    ]);
    const sameTime = plan(1, '2026-12-01T08:00:00Z', { removesLine: 7 });
    expect(dataServiceConflicts([fiber100], [sameTime, upgrade])).toHaveLength(1);
    const earlier = plan(1, '2026-12-01T07:59:59Z', { removesLine: 7 });
    expect(dataServiceConflicts([fiber100], [earlier, upgrade])).toEqual([]);

    expect(dataServiceConflicts([{ ...fiber100, removedOn: '2026-12-01' }], [upgrade])).toEqual([]);
    expect(dataServiceConflicts([{ ...fiber100, removedOn: '2026-12-02' }], [upgrade])).toHaveLength(1);
  });

  it('sees two scheduled data additions as clashing, and only blames a change for what it brings', () => {
    const first = plan(3, '2026-12-01T08:00:00Z', { addsData: 'Fiber 500' });
    const second = plan(UNSAVED_EVENT_ID, '2026-12-05T08:00:00Z', { addsData: 'Fiber 1000' });
    const after = dataServiceConflicts([], [first, second]);
    expect(after.map((c) => c.eventId)).toEqual([UNSAVED_EVENT_ID]);
    expect(after[0].blockers[0]).toMatch(/^Fiber 500 \(scheduled for 2026-12-01T08:00:00.000Z\)$/);

    // A clash that was already there (a data service added by hand since) does not block an unrelated change.
    const old = dataServiceConflicts([fiber100], [first]);
    expect(conflictsIntroduced(old, dataServiceConflicts([fiber100], [first, plan(9, '2026-12-03T00:00:00Z', {})]), 9)).toEqual([]);
    expect(conflictsIntroduced(old, old, 3).map((c) => c.eventId)).toEqual([3]);
  });
});
