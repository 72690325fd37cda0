import EmailIcon from '@mui/icons-material/Email';
import { EmailsList } from './EmailsList';

export const emails = { list: EmailsList, icon: EmailIcon, options: { label: 'Emails' } };
