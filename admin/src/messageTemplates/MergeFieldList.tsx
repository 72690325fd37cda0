import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useBackhaulDataProvider } from '../dataProvider';
import type { MergeField } from '../types';

/** The fields a template may use, as the server knows them, so the list cannot drift from what it accepts. */
export const MergeFieldList = () => {
  const dataProvider = useBackhaulDataProvider();
  const [fields, setFields] = useState<MergeField[]>([]);
  useEffect(() => {
    let live = true;
    void dataProvider.fetchMergeFields().then((f) => live && setFields(f));
    return () => {
      live = false;
    };
  }, []);
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle2">Merge fields</Typography>
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
