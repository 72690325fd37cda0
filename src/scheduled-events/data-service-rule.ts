/**
 * An account has at most one data service. A scheduled addition of one (a data
 * service, or a package holding one) is allowed only when every data service the
 * account will still have at that moment is gone by then: removed already, or by a
 * scheduled removal that runs strictly earlier.
 */

/** A data service (or package with one) on the account now. */
export interface DataLine {
  accountServiceId: number;
  name: string;
  /** The day it stops, when a removal was booked; it is still there on earlier days. */
  removedOn: string | null;
}

/** A scheduled event as far as the rule cares. */
export interface PlannedEvent {
  /** Number.MAX_SAFE_INTEGER for one not saved yet. */
  id: number;
  runAt: Date;
  /** runAt's calendar day in the billing time zone. */
  day: string;
  /** The name of the data service or package it adds; null when it adds none. */
  addsData: string | null;
  /** The account service line it removes, if any. */
  removesLine: number | null;
  summary: string;
}

export interface DataConflict {
  eventId: number;
  summary: string;
  runAt: Date;
  /** What would still be on the account. */
  blockers: string[];
}

export const UNSAVED_EVENT_ID = Number.MAX_SAFE_INTEGER;

/** Every data addition among `events` that would find another data service still on the account. */
export function dataServiceConflicts(lines: DataLine[], events: PlannedEvent[]): DataConflict[] {
  const conflicts: DataConflict[] = [];
  for (const event of events) {
    if (event.addsData === null) continue;
    const removedEarlier = new Set(events.filter((e) => e.removesLine !== null && e.runAt < event.runAt).map((e) => e.removesLine));
    const stillThere = lines
      .filter((line) => (line.removedOn === null || line.removedOn > event.day) && !removedEarlier.has(line.accountServiceId))
      .map((line) => line.name);
    // Another scheduled data addition at or before this one: its line has no id yet, so nothing can remove it first.
    const addedBefore = events
      .filter((e) => e !== event && e.addsData !== null && e.runAt <= event.runAt)
      .map((e) => `${e.addsData} (scheduled for ${e.runAt.toISOString()})`);
    const blockers = [...stillThere, ...addedBefore];
    if (blockers.length) conflicts.push({ eventId: event.id, summary: event.summary, runAt: event.runAt, blockers });
  }
  return conflicts;
}

/**
 * Conflicts a change brings that were not there before it: the changed event's own,
 * and those of other events it breaks (a removal moved later or cancelled). Conflicts
 * that already existed, say from a service added by hand since, do not block
 * unrelated changes.
 */
export function conflictsIntroduced(before: DataConflict[], after: DataConflict[], changedEventId: number): DataConflict[] {
  const had = new Set(before.map((c) => c.eventId));
  return after.filter((c) => c.eventId === changedEventId || !had.has(c.eventId));
}
