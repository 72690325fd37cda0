import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { formatCustomFieldValue } from '../formatting';
import { useAccountCustomFields } from '../useAccountCustomFields';
import { errorMessage } from '../../dataProvider';

/** Name and value of every active custom field, as a description list. */
export const CustomFieldValueList = ({ accountId }: { accountId: number }) => {
  const { data, error, isPending } = useAccountCustomFields(accountId);
  if (isPending) return <Skeleton variant="text" width="60%" />;
  if (error) return <Alert severity="error">Could not load the custom fields: {errorMessage(error)}</Alert>;
  if (data.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No custom fields are defined.
      </Typography>
    );
  }
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
      {data.map((field) => (
        <Box key={field.fieldId} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {field.name}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
            {formatCustomFieldValue(field.type, field.value)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
