import { applyDecorators } from '@nestjs/common';
import { Max, Min, ValidateBy, ValidateIf } from 'class-validator';

/** Far above any real price (ten million in major units), well inside INT UNSIGNED and safe sums. */
export const MAX_PRICE = 1_000_000_000;
export const MAX_KBPS = 100_000_000;
export const MAX_PACKAGE_QUANTITY = 10_000;

/** A whole number; the rule is named `integer` so a fraction of a cent is reported as such. */
export function IsWholeNumber() {
  return ValidateBy({
    name: 'integer',
    validator: {
      validate: (value: unknown) => Number.isSafeInteger(value),
      defaultMessage: (args) => `${args?.property ?? 'value'} must be a whole number`,
    },
  });
}

/** Minor units (cents): whole, never negative. */
export function IsPrice() {
  return applyDecorators(
    ValidateBy({
      name: 'integer',
      validator: {
        validate: (value: unknown) => Number.isSafeInteger(value),
        defaultMessage: (args) => `${args?.property ?? 'price'} must be a whole number of minor units (cents), without fractions`,
      },
    }),
    Min(0, { message: ({ property }) => `${property} cannot be negative` }),
    Max(MAX_PRICE),
  );
}

/** May be left out, but null is refused: the column has no empty state. */
export const OmittableNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
