import dayjs from 'dayjs';
import type { CalendarBooking, Job, JobCalendar } from './types';

export type DispatchView = 'day' | 'week';

/** One box on the calendar: a booking of one technician (day view) or a whole job (week view). */
export interface DispatchEvent {
  /** Unique on the calendar: the job and, by day, the technician's column. */
  key: string;
  jobId: number;
  title: string;
  start: Date;
  end: Date;
  /** The technician's column (day view). */
  resourceId?: number;
  booking: CalendarBooking;
  technicianNames: string[];
}

export interface DispatchResource {
  id: number;
  title: string;
  color: string;
}

/** The days the calendar asks the API for: the whole week around the date, so day and week views share one answer. */
export const calendarWindow = (date: Date): { from: string; to: string } => {
  const start = dayjs(date).startOf('week');
  return { from: start.toISOString(), to: start.add(7, 'day').toISOString() };
};

/** A move not yet confirmed by the server: the job drawn where it was dropped until the answer comes. */
export interface PendingMove {
  jobId: number;
  startsAt: string;
  endsAt: string;
  technicianIds: number[];
}

const applyMoves = (bookings: CalendarBooking[], moves: PendingMove[]): CalendarBooking[] => {
  const result: CalendarBooking[] = [];
  const moved = new Set(moves.map((move) => move.jobId));
  for (const booking of bookings) if (!moved.has(booking.jobId)) result.push(booking);
  for (const move of moves) {
    const sample = bookings.find((booking) => booking.jobId === move.jobId);
    if (!sample) continue;
    for (const technicianId of move.technicianIds) {
      result.push({ ...sample, technicianId, startsAt: move.startsAt, endsAt: move.endsAt, technicianIds: move.technicianIds });
    }
  }
  return result;
};

/** The calendar's boxes for a view: by day one per technician's booking, by week one per job. */
export const dispatchEvents = (calendar: JobCalendar | undefined, view: DispatchView, moves: PendingMove[]): DispatchEvent[] => {
  if (!calendar) return [];
  const names = new Map(calendar.technicians.map((technician) => [technician.id, technician.name]));
  const bookings = applyMoves(calendar.bookings, moves);
  const seen = new Set<number>();
  const events: DispatchEvent[] = [];
  for (const booking of bookings) {
    if (view === 'week') {
      if (seen.has(booking.jobId)) continue;
      seen.add(booking.jobId);
    }
    const technicianNames = booking.technicianIds.map((id) => names.get(id) ?? `Technician ${id}`);
    events.push({
      key: view === 'day' ? `${booking.jobId}-${booking.technicianId}` : String(booking.jobId),
      jobId: booking.jobId,
      title: `${booking.jobTypeName} #${booking.jobId}: ${booking.accountName}`,
      start: new Date(booking.startsAt),
      end: new Date(booking.endsAt),
      resourceId: view === 'day' ? booking.technicianId : undefined,
      booking,
      technicianNames,
    });
  }
  return events;
};

/**
 * The technicians after a drop: by day the dragged technician's booking moves to the column it was dropped
 * on (the others stay on the job); by week, or in its own column, the job keeps its technicians.
 */
export const technicianIdsAfterDrop = (event: DispatchEvent, targetId: number | undefined): number[] => {
  const current = event.booking.technicianIds;
  if (targetId === undefined || event.resourceId === undefined || targetId === event.resourceId) return current;
  const swapped = current.map((id) => (id === event.resourceId ? targetId : id));
  return [...new Set(swapped)];
};

/** A job from the list while it is dragged over the calendar: drawn as a box of its length where it would land. */
export const outsideEvent = (job: Job): DispatchEvent => {
  const start = new Date();
  const end = dayjs(start).add(job.durationMinutes, 'minute').toDate();
  return {
    key: `outside-${job.id}`,
    jobId: job.id,
    title: `${job.jobTypeName} #${job.id}: ${job.accountName}`,
    start,
    end,
    booking: {
      jobId: job.id,
      technicianId: 0,
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      durationMinutes: job.durationMinutes,
      status: job.status,
      jobTypeId: job.jobTypeId,
      jobTypeName: job.jobTypeName,
      jobTypeColor: job.jobTypeColor,
      accountId: job.accountId,
      accountName: job.accountName,
      ticketId: job.ticketId,
      technicianIds: [],
    },
    technicianNames: [],
  };
};
