import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { AccountTabProps } from '../accountTabs';
import { CustomFieldValueList } from './CustomFieldValueList';

/** Read-only; the values are edited with the account (Edit in the header). */
export const CustomFieldsTab = ({ account }: AccountTabProps) => (
  <Card>
    <CardContent>
      <Typography variant="h6" component="h2" gutterBottom>
        Custom Fields
      </Typography>
      <CustomFieldValueList accountId={account.id} />
      <Alert severity="info" variant="outlined" sx={{ mt: 2 }}>
        To change these values, use Edit at the top of the page.
      </Alert>
    </CardContent>
  </Card>
);
