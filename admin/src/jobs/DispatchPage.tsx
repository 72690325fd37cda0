import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { Calendar, dayjsLocalizer, type EventProps, type View } from 'react-big-calendar';
import * as dragAndDrop from 'react-big-calendar/lib/addons/dragAndDrop';
import type { EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import { Title, useLocation, useNavigate, useNotify } from 'react-admin';
import { contrastText } from '../accountStatuses/StatusChip';
import { errorMessage, toApiProblem, useBackhaulDataProvider } from '../dataProvider';
import { Permissions, useHasPermission } from '../permissions';
import {
  calendarWindow,
  type DispatchEvent,
  type DispatchResource,
  type DispatchView,
  dispatchEvents,
  outsideEvent,
  type PendingMove,
  technicianIdsAfterDrop,
} from './dispatchCalendar';
import { DISPATCH_PATH } from './dispatchPath';
import { jobShowPath } from './jobPath';
import { ScheduleJobDialog } from './ScheduleJobDialog';
import type { Job } from './types';
import { UnscheduledJobs } from './UnscheduledJobs';
import { JOB_CALENDAR_KEY, useJobsChanged } from './useJobsChanged';

type WithDragAndDrop = typeof dragAndDrop.default;
// The addon ships as CommonJS only: the bundle may hand over its `exports` object rather than the default export itself.
const withDragAndDrop: WithDragAndDrop = (dragAndDrop.default as unknown as { default?: WithDragAndDrop }).default ?? dragAndDrop.default;

const localizer = dayjsLocalizer(dayjs);
const DnDCalendar = withDragAndDrop<DispatchEvent, DispatchResource>(Calendar);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Where the day opens when nothing is booked in it: the start of a working day. */
const WORKING_DAY_STARTS = 7;

/**
 * The hour the calendar opens at: the first booking's on the day shown (any day of the week shown),
 * less one for context, else the working day's start.
 */
const openingHour = (events: readonly { start: Date }[], date: Date, view: View): number => {
  const shown = events.filter((event) => dayjs(event.start).isSame(date, view === 'week' ? 'week' : 'day'));
  const first = shown.reduce<number | null>((hour, event) => Math.min(hour ?? 24, event.start.getHours()), null);
  return first === null ? WORKING_DAY_STARTS : Math.max(0, first - 1);
};

/** ?date=2026-12-01&view=week: the day shown and the view, kept in the URL so a reload or a link opens the same. */
const useDispatchParams = (): { date: Date; view: DispatchView; go: (date: Date, view: DispatchView) => void } => {
  const location = useLocation();
  const navigate = useNavigate();
  const params = new URLSearchParams(location.search);
  const dateParam = params.get('date');
  const date = dateParam && DATE.test(dateParam) ? dayjs(dateParam).toDate() : dayjs().startOf('day').toDate();
  const view: DispatchView = params.get('view') === 'week' ? 'week' : 'day';
  const go = useCallback(
    (next: Date, nextView: DispatchView) =>
      navigate(`${DISPATCH_PATH}?${new URLSearchParams({ date: dayjs(next).format('YYYY-MM-DD'), view: nextView }).toString()}`, {
        replace: true,
      }),
    [navigate],
  );
  return { date, view, go };
};

const TechnicianHeader = ({ resource }: { resource: DispatchResource }) => (
  <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', justifyContent: 'center', py: 0.5 }}>
    <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: resource.color }} aria-hidden />
    <span>{resource.title}</span>
  </Stack>
);

const EventBox = ({ event }: EventProps<DispatchEvent>) => (
  <Box sx={{ lineHeight: 1.25, fontSize: 12 }}>
    <strong>
      {event.booking.jobTypeName} #{event.jobId}
    </strong>
    <div>{event.booking.accountName}</div>
    {event.resourceId === undefined ? <div>{event.technicianNames.join(', ')}</div> : null}
  </Box>
);

/**
 * The dispatch calendar: every technician by day (a column each) or by week, jobs in their type's colour. A
 * scheduled job is dragged to another time or technician; the server refuses a double booking, and then the
 * job goes back where it was with the server's sentence. Jobs not yet scheduled wait beside it.
 */
export const DispatchPage = () => {
  const dataProvider = useBackhaulDataProvider();
  const notify = useNotify();
  const navigate = useNavigate();
  const changed = useJobsChanged();
  const canWrite = useHasPermission(Permissions.JobsWrite);
  const { date, view, go } = useDispatchParams();
  const window = useMemo(() => calendarWindow(date), [date]);
  const { data: calendar, error } = useQuery({
    queryKey: [JOB_CALENDAR_KEY, window.from, window.to],
    queryFn: () => dataProvider.fetchJobCalendar(window.from, window.to),
  });
  const [moves, setMoves] = useState<PendingMove[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [dragged, setDragged] = useState<Job | null>(null);
  const [scheduling, setScheduling] = useState<{ job: Job; start?: Date; technicianIds?: number[] } | null>(null);
  // A job opens on its own page; the browser's back button returns to this day and view.
  const openJob = (jobId: number) => navigate(jobShowPath(jobId));

  const events = useMemo(() => dispatchEvents(calendar, view, moves), [calendar, view, moves]);
  // Kept by the hour, so a move that leaves the first booking's hour alone leaves the view where it is.
  const hour = openingHour(events, date, view);
  const scrollTo = useMemo(() => new Date(1970, 0, 1, hour, 0, 0), [hour]);
  const outside = useMemo(() => (dragged ? outsideEvent(dragged) : null), [dragged]);
  const resources = useMemo<DispatchResource[]>(
    () => (calendar?.technicians ?? []).map((technician) => ({ id: technician.id, title: technician.name, color: technician.color })),
    [calendar],
  );

  /** Books the job where it was dropped; drawn there at once, and back where it was if the server says no. */
  const book = async (jobId: number, move: PendingMove, durationMinutes: number) => {
    setRefusal(null);
    setMoves((current) => [...current.filter((pending) => pending.jobId !== jobId), move]);
    try {
      await dataProvider.scheduleJob(jobId, { startsAt: move.startsAt, durationMinutes, technicianIds: move.technicianIds });
      await changed();
      notify(`Job #${jobId} moved`, { type: 'success' });
    } catch (problem) {
      const message = toApiProblem(problem).message;
      setRefusal(message);
      notify(message, { type: 'error' });
    } finally {
      setMoves((current) => current.filter((pending) => pending !== move));
    }
  };

  const onEventDrop = ({ event, start, end, resourceId }: EventInteractionArgs<DispatchEvent>) => {
    const startsAt = new Date(start);
    const technicianIds = technicianIdsAfterDrop(event, resourceId === undefined ? undefined : Number(resourceId));
    const sameTechnicians = technicianIds.join() === event.booking.technicianIds.join();
    if (startsAt.getTime() === event.start.getTime() && sameTechnicians) return;
    void book(
      event.jobId,
      { jobId: event.jobId, startsAt: startsAt.toISOString(), endsAt: new Date(end).toISOString(), technicianIds },
      event.booking.durationMinutes,
    );
  };

  const onDropFromOutside = ({ start, resource }: { start: string | Date; resource?: string | number }) => {
    const job = dragged;
    setDragged(null);
    if (!job) return;
    const startsAt = new Date(start);
    // By day the column says who; by week the dialog asks.
    if (resource === undefined) {
      setScheduling({ job, start: startsAt });
      return;
    }
    setRefusal(null);
    void (async () => {
      try {
        await dataProvider.scheduleJob(job.id, {
          startsAt: startsAt.toISOString(),
          durationMinutes: job.durationMinutes,
          technicianIds: [Number(resource)],
        });
        await changed();
        notify(`Job #${job.id} scheduled`, { type: 'success' });
      } catch (problem) {
        const message = errorMessage(problem);
        setRefusal(message);
        notify(message, { type: 'error' });
      }
    })();
  };

  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="Dispatch" />
      {error ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {toApiProblem(error).message}
        </Alert>
      ) : null}
      {refusal ? (
        <Alert severity="error" role="alert" onClose={() => setRefusal(null)} sx={{ mb: 2 }}>
          {refusal}
        </Alert>
      ) : null}
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Paper
          sx={{ p: 1.5, flex: 1, minWidth: 0, width: '100%', '& .rbc-timeslot-group': { minHeight: 56 } }}
          role="region"
          aria-label="Dispatch calendar"
        >
          {calendar && resources.length === 0 ? (
            <Alert severity="info" sx={{ mb: 1 }}>
              No technicians yet: choose them under Settings › Technicians.
            </Alert>
          ) : null}
          <DnDCalendar
            // The calendar scrolls to scrollToTime only as it mounts: a new opening hour (the day's
            // bookings arrived, or another day shown) draws it afresh there.
            key={hour}
            localizer={localizer}
            events={events}
            date={date}
            view={view}
            views={['day', 'week']}
            onNavigate={(next: Date) => go(next, view)}
            onView={(next: View) => go(date, next === 'week' ? 'week' : 'day')}
            resources={view === 'day' ? resources : undefined}
            resourceIdAccessor="id"
            resourceTitleAccessor="title"
            startAccessor="start"
            endAccessor="end"
            titleAccessor="title"
            tooltipAccessor={(event: DispatchEvent) =>
              `${event.title} (${event.technicianNames.join(', ')}), ${dayjs(event.start).format('HH:mm')}–${dayjs(event.end).format('HH:mm')}`
            }
            step={15}
            timeslots={4}
            scrollToTime={scrollTo}
            style={{ height: 760 }}
            resizable={false}
            selectable={false}
            draggableAccessor={(event: DispatchEvent) => canWrite && event.booking.status === 'scheduled'}
            onEventDrop={onEventDrop}
            // Only while a job from the list is dragged: a file dropped on the page is not a booking.
            {...(outside ? { dragFromOutsideItem: () => outside, onDropFromOutside } : {})}
            onSelectEvent={(event: DispatchEvent) => openJob(event.jobId)}
            eventPropGetter={(event: DispatchEvent) => {
              const color = event.booking?.jobTypeColor ?? '#1e88e5';
              const over = event.booking?.status === 'completed' || event.booking?.status === 'failed';
              return {
                style: { backgroundColor: color, borderColor: color, color: contrastText(color), opacity: over ? 0.6 : 1 },
                className: `dispatch-job-${event.jobId}`,
              };
            }}
            components={{ event: EventBox, resourceHeader: TechnicianHeader }}
            messages={{ noEventsInRange: 'No jobs booked.' }}
          />
        </Paper>
        <UnscheduledJobs
          canWrite={canWrite}
          onDragStart={setDragged}
          onDragEnd={() => setDragged(null)}
          onSchedule={(job) => setScheduling({ job })}
          onOpen={(job) => openJob(job.id)}
        />
      </Stack>
      {scheduling ? (
        <ScheduleJobDialog
          job={scheduling.job}
          initialStart={scheduling.start}
          initialTechnicianIds={scheduling.technicianIds}
          onClose={() => setScheduling(null)}
        />
      ) : null}
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
        Times are shown in this browser’s time zone. Drag a scheduled job to another time or technician; drag a job from the list onto a
        technician’s column to book it.
      </Typography>
    </Box>
  );
};

// Loaded when the page is first opened: the calendar is not needed anywhere else.
export default DispatchPage;
