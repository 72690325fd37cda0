import { applyDecorators } from '@nestjs/common';
import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * The window every date the API accepts must fall in. Nothing an ISP bills
 * happened before 2000, and a date past 2099 is a typo (9999-12-31) or a probe,
 * never a plan; both ends are far enough that no real record is refused.
 */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2099-12-31';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An instant, so the offset is required: a bare local time would mean different moments on different servers.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A real day written as YYYY-MM-DD (so 2026-02-30 and 0000-00-00 are not), of any year. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A real day inside the accepted window. */
export function isDateInWindow(value: unknown): value is string {
  return isCalendarDate(value) && value >= EARLIEST_DATE && value <= LATEST_DATE;
}

/** A date and time with its offset, whose day is real and whose moment (in UTC) falls inside the window. */
export function isInstantInWindow(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = INSTANT.exec(value);
  if (!match || !isRealDay(Number(match[1]), Number(match[2]), Number(match[3]))) return false;
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) return false;
  const utcDay = moment.toISOString().slice(0, 10);
  return utcDay >= EARLIEST_DATE && utcDay <= LATEST_DATE;
}

const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

/** Adds the format to the property's OpenAPI entry, whatever order its decorators run in. */
function documentFormat(format: 'date' | 'date-time'): PropertyDecorator {
  return (target, key) => {
    // Swagger reads the type from the first metadata it finds, so a fresh entry carries the declared one.
    const existing = (Reflect.getMetadata(SWAGGER_PROPERTY, target, key) as object | undefined) ?? {
      type: Reflect.getMetadata('design:type', target, key) as unknown,
    };
    Reflect.defineMetadata(SWAGGER_PROPERTY, { ...existing, format }, target, key);
  };
}

/**
 * Every date field of every request: a real calendar day as YYYY-MM-DD inside the
 * window. The rule is named `date` wherever it is used.
 */
export function IsCalendarDate(options?: ValidationOptions) {
  return applyDecorators(
    documentFormat('date'),
    ValidateBy(
      {
        name: 'date',
        validator: {
          validate: (value: unknown) => isDateInWindow(value),
          defaultMessage: (args) =>
            `${args?.property ?? 'date'} must be a calendar date as YYYY-MM-DD between ${EARLIEST_DATE} and ${LATEST_DATE}`,
        },
      },
      options,
    ),
  );
}

/** Every date-and-time field of every request: an instant with its offset, inside the same window. */
export function IsInstant(options?: ValidationOptions) {
  return applyDecorators(
    documentFormat('date-time'),
    ValidateBy(
      {
        name: 'instant',
        validator: {
          validate: (value: unknown) => isInstantInWindow(value),
          defaultMessage: (args) =>
            `${args?.property ?? 'time'} must be a date and time with its offset, such as 2026-12-01T08:00:00Z, between ${EARLIEST_DATE} and ${LATEST_DATE}`,
        },
      },
      options,
    ),
  );
}

const CALENDAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A month filter (the dashboard's monthly bars open lists by month): YYYY-MM inside
 * the same window as dates. The rule is named `month` wherever it is used.
 */
export function IsCalendarMonth(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'month',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && CALENDAR_MONTH.test(value) && value >= EARLIEST_DATE.slice(0, 7) && value <= LATEST_DATE.slice(0, 7),
        defaultMessage: (args) =>
          `${args?.property ?? 'month'} must be a month as YYYY-MM between ${EARLIEST_DATE.slice(0, 7)} and ${LATEST_DATE.slice(0, 7)}`,
      },
    },
    options,
  );
}
