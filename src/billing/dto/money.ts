import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';

/** The largest amount one entry may carry: ten million in major units, far above any real bill, far below overflow. */
export const MAX_AMOUNT = 1_000_000_000;

/** A whole number of minor units; a fraction of a cent is refused with rule `isInt`. */
export function IsMinorUnits(options: { min?: number } = {}) {
  return applyDecorators(
    IsInt({ message: ({ property }) => `${property} must be a whole number of minor units (cents), without fractions` }),
    Min(options.min ?? 0),
    Max(MAX_AMOUNT),
  );
}
