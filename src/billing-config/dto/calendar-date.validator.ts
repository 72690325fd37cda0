import { ValidateBy } from 'class-validator';
import { isCalendarDate } from '../billing-date';

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
