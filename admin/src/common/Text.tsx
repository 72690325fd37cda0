import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/**
 * Something typed rather than written (an address, a MAC address, a serial), in monospace: on one
 * line, or broken anywhere where it may be long enough to overflow its cell.
 */
export const Mono = ({ children, wrap = 'nowrap' }: { children: ReactNode; wrap?: 'nowrap' | 'anywhere' }) => (
  <Box component="span" sx={{ fontFamily: 'monospace', ...(wrap === 'nowrap' ? { whiteSpace: 'nowrap' } : { overflowWrap: 'anywhere' }) }}>
    {children}
  </Box>
);

/** A second, smaller line under a cell's value: a pool under its subnet, a manufacturer under its model. */
export const Caption = ({ children }: { children: ReactNode }) => (
  <Typography variant="caption" color="text.secondary" component="div">
    {children}
  </Typography>
);

/** A cell with nothing to show, said faintly: "None" unless told otherwise. */
export const NoneText = ({ children = 'None' }: { children?: ReactNode }) => (
  <Typography variant="body2" color="text.secondary" component="span">
    {children}
  </Typography>
);
