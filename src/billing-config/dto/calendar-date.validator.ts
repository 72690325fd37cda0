import { ValidateBy } from 'class-validator';
import { DATE_WINDOW, isCalendarDate } from '../billing-date';

/** A real calendar day as YYYY-MM-DD; the rule is named `date` like every other billing date. */
export function IsCalendarDate() {
  return ValidateBy({
    name: 'date',
    validator: {
      validate: (value: unknown) => isCalendarDate(value),
      defaultMessage: (args) => `${args?.property ?? 'date'} must be a calendar date as YYYY-MM-DD`,
    },
  });
}

/** Inside the window of accepted days; a string that is no calendar date at all is left to IsCalendarDate. */
export function IsInDateWindow() {
  return ValidateBy({
    name: 'dateWindow',
    validator: {
      validate: (value: unknown) => !isCalendarDate(value) || (value >= DATE_WINDOW.first && value <= DATE_WINDOW.last),
      defaultMessage: (args) => `${args?.property ?? 'date'} must be between ${DATE_WINDOW.first} and ${DATE_WINDOW.last}`,
    },
  });
}
