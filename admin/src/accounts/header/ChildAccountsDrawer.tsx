import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import { Link } from 'react-admin';
import type { AccountHeader } from '../../types';

interface ChildAccountsDrawerProps {
  open: boolean;
  onClose: () => void;
  items: AccountHeader['children']['items'];
}

/** The child accounts, each linking to its own page. */
export const ChildAccountsDrawer = ({ open, onClose, items }: ChildAccountsDrawerProps) => (
  <Drawer anchor="right" open={open} onClose={onClose}>
    <Box sx={{ width: 340, p: 2 }} role="region" aria-label="Child accounts">
      <Typography variant="h6" component="h2">
        Child accounts
      </Typography>
      <List dense>
        {items.map((child) => (
          <ListItemButton key={child.id} component={Link} to={`/accounts/${child.id}/show`} onClick={onClose}>
            <ListItemText primary={child.name} secondary={`Account #${child.id}`} />
          </ListItemButton>
        ))}
      </List>
    </Box>
  </Drawer>
);
