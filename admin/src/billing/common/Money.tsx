import Typography, { type TypographyProps } from '@mui/material/Typography';
import { formatMoney } from '../../money';

interface MoneyProps extends Omit<TypographyProps, 'children'> {
  /** Minor units. */
  amount: number | null | undefined;
  /** ISO 4217; while unknown (still loading) a placeholder shows. */
  currency: string | undefined;
}

/** An amount outside a react-admin record (banners, dialogs, plain tables), formatted by formatMoney. */
export const Money = ({ amount, currency, sx, ...rest }: MoneyProps) => (
  <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', ...sx }} {...rest}>
    {amount === null || amount === undefined || !currency ? '—' : formatMoney(amount, currency)}
  </Typography>
);
