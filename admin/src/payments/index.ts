import PaymentsIcon from '@mui/icons-material/Payments';
import { PaymentsList } from './PaymentsList';

export const payments = { list: PaymentsList, icon: PaymentsIcon, options: { label: 'Payments' } };
