import { applyDecorators } from '@nestjs/common';
import { Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import { MAX_RATE_E4 } from '../tax.entity';

/**
 * A rate as percent × 10 000, a whole number from 0 to 1 000 000. The rule for a fraction is
 * named `integer`: 8.255 % cannot be written, since rates carry four decimals of a percent.
 */
export function IsRateE4() {
  return applyDecorators(
    ValidateBy({
      name: 'integer',
      validator: {
        validate: (value: unknown) => Number.isSafeInteger(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'rateE4'} must be a whole number: the percent × 10 000, so 8.25 % is 82500 (four decimals at most)`,
      },
    }),
    Min(0, { message: ({ property }) => `${property} cannot be negative` }),
    Max(MAX_RATE_E4, { message: ({ property }) => `${property} is at most ${MAX_RATE_E4} (100 %)` }),
  );
}

/** May be left out, but null is refused: the column has no empty state. */
export const OmittableNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const RATE_E4_HELP = 'Percent × 10 000: 8.25 % is 82500, 100 % is 1000000';
