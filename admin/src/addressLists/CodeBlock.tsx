import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';

/** Text as a router takes it (a key, a URL, a script, the entries), on a tinted block, broken anywhere rather than overflowing. */
export const CodeBlock = ({ label, sx, children }: { label: string; sx?: SxProps<Theme>; children: ReactNode }) => (
  <Box
    component="pre"
    aria-label={label}
    sx={[
      {
        m: 0,
        bgcolor: 'action.hover',
        borderRadius: 1,
        fontFamily: 'monospace',
        fontSize: '0.85rem',
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
      },
      ...(Array.isArray(sx) ? sx : [sx]),
    ]}
  >
    {children}
  </Box>
);
