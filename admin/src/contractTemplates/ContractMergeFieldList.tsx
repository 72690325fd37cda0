import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useBackhaulDataProvider } from '../dataProvider';

/** The fields a contract template may use, as the server knows them. */
export const ContractMergeFieldList = () => {
  const dataProvider = useBackhaulDataProvider();
  const { data: fields = [] } = useQuery({
    queryKey: ['contract-templates', 'merge-fields'],
    queryFn: () => dataProvider.fetchContractMergeFields(),
  });
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle2">Merge fields</Typography>
        <Typography variant="caption" color="text.secondary">
          Type a field as shown; it is filled in when a contract is written for an account.
        </Typography>
        <List dense aria-label="Merge fields">
          {fields.map((f) => (
            <ListItem key={f.field} disableGutters>
              <ListItemText
                primary={<code>{f.placeholder}</code>}
                secondary={f.description}
                slotProps={{ primary: { component: 'div' } }}
              />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
};
