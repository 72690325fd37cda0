import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';

export interface MergeFieldEntry {
  field: string;
  placeholder: string;
  description: string;
}

/** The merge fields a kind of template may use, as the server lists them, so the card cannot drift from what it accepts. */
export const MergeFieldCard = ({ fields, hint }: { fields: MergeFieldEntry[]; hint?: string }) => (
  <Card variant="outlined">
    <CardContent>
      <Typography variant="subtitle2">Merge fields</Typography>
      {hint ? (
        <Typography variant="caption" color="text.secondary">
          {hint}
        </Typography>
      ) : null}
      <List dense aria-label="Merge fields">
        {fields.map((f) => (
          <ListItem key={f.field} disableGutters>
            <ListItemText primary={<code>{f.placeholder}</code>} secondary={f.description} slotProps={{ primary: { component: 'div' } }} />
          </ListItem>
        ))}
      </List>
    </CardContent>
  </Card>
);
