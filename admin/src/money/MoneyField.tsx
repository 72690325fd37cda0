import Typography, { type TypographyProps } from '@mui/material/Typography';
import { type FieldProps, sanitizeFieldRestProps, useFieldValue, useRecordContext, useTranslate } from 'react-admin';
import { formatMoney, type MinorUnits } from './formatMoney';

export interface MoneyFieldProps extends FieldProps, Omit<TypographyProps, 'textAlign'> {
  /** ISO 4217 code; when absent, read from the record at `currencySource`. */
  currency?: string;
  /** Record path holding the currency code. Defaults to "currency". */
  currencySource?: string;
  /** BCP 47 locale; defaults to the browser's. */
  locale?: string;
  /** Minor-unit exponent when it differs from the currency's CLDR digits. */
  fractionDigits?: number;
}

const isMinorUnits = (value: unknown): value is MinorUnits =>
  typeof value === 'number' || typeof value === 'string' || typeof value === 'bigint';

/**
 * Shows an amount stored in minor units, e.g.
 * <MoneyField source="balanceMinor" currency="EUR" /> renders 123456 as "€1,234.56".
 */
export const MoneyField = (props: MoneyFieldProps) => {
  const { source, currency, currencySource = 'currency', locale, fractionDigits, emptyText, className, ...rest } = props;
  const record = useRecordContext(props);
  const translate = useTranslate();
  const value: unknown = useFieldValue({ source, record });
  const recordCurrency: unknown = useFieldValue({ source: currencySource, record });
  const code = currency ?? (typeof recordCurrency === 'string' ? recordCurrency : undefined);

  let text: string;
  let error: string | undefined;
  if (value == null || value === '' || !code) {
    if (!emptyText) return null;
    text = translate(emptyText, { _: emptyText });
  } else {
    try {
      if (!isMinorUnits(value)) throw new TypeError(`Unsupported money value of type ${typeof value}`);
      text = formatMoney(value, code, locale, { fractionDigits });
    } catch (e) {
      // Show the raw value rather than break the page, and say why on hover.
      text = `${String(value)} ${code}`;
      error = e instanceof Error ? e.message : String(e);
    }
  }

  return (
    <Typography
      component="span"
      variant="body2"
      className={className}
      title={error}
      sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      {...sanitizeFieldRestProps(rest)}
    >
      {text}
    </Typography>
  );
};

// Datagrid reads textAlign from the component to right-align the column, as for NumberField.
(MoneyField as { textAlign?: string }).textAlign = 'right';
