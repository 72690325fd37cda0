import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

interface DetailsDrawerProps {
  /** The panel's heading and accessible name; the drawer is closed while it is null. */
  title: string | null;
  onClose: () => void;
  children: ReactNode;
  width?: number;
}

/** A side panel from the right with one record's details, as the file panel on the Overview shows a file. */
export const DetailsDrawer = ({ title, onClose, children, width = 420 }: DetailsDrawerProps) => (
  <Drawer anchor="right" open={title !== null} onClose={onClose}>
    {title !== null ? (
      <Box sx={{ width, maxWidth: '100vw', p: 2 }} role="region" aria-label={title}>
        <Typography variant="h6" component="h2" sx={{ overflowWrap: 'anywhere', mb: 2 }}>
          {title}
        </Typography>
        {children}
      </Box>
    ) : null}
  </Drawer>
);
