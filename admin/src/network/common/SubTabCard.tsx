import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

interface SubTabCardProps {
  title: string;
  /** The buttons at the right of the title, e.g. an AddButton for those who may manage. */
  actions?: ReactNode;
  /** Space under the title, for a plain table; a list brings its own toolbar. */
  gutter?: boolean;
  children: ReactNode;
}

/** A tab of the account's Network & Inventory tab: its title and buttons over its list. */
export const SubTabCard = ({ title, actions, gutter = false, children }: SubTabCardProps) => (
  <Card>
    <CardContent>
      <Stack
        direction="row"
        sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap', ...(gutter ? { mb: 1 } : {}) }}
      >
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {actions}
      </Stack>
      {children}
    </CardContent>
  </Card>
);

/** The tab's main button: add to its list. */
export const AddButton = ({ label, onClick }: { label: string; onClick: () => void }) => (
  <Button size="small" variant="contained" startIcon={<AddIcon />} onClick={onClick}>
    {label}
  </Button>
);
