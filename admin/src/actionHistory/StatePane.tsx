import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import type { AuditState } from '../types';

interface StatePaneProps {
  title: string;
  state: AuditState;
  changed: ReadonlySet<string>;
  tone: 'error' | 'success';
}

/** A state as pretty-printed JSON, one block per top-level key, changed keys highlighted. */
export const StatePane = ({ title, state, changed, tone }: StatePaneProps) => {
  const entries = Object.entries(state ?? {});
  return (
    <Box component="section" aria-label={title} sx={{ flex: 1, minWidth: 0 }}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {title}
      </Typography>
      <Box
        component="pre"
        sx={{
          m: 0,
          p: 1,
          fontSize: '0.8125rem',
          lineHeight: 1.5,
          bgcolor: 'action.hover',
          borderRadius: 1,
          overflow: 'auto',
          maxHeight: 480,
        }}
      >
        {state === null ? (
          <Box component="span" sx={{ color: 'text.secondary' }}>
            null
          </Box>
        ) : (
          <>
            {'{\n'}
            {entries.map(([key, value], index) => {
              const isChanged = changed.has(key);
              const text = `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;
              return (
                <Box
                  key={key}
                  component={isChanged ? 'mark' : 'span'}
                  data-changed={isChanged || undefined}
                  sx={{
                    display: 'block',
                    color: 'inherit',
                    bgcolor: (theme) => (isChanged ? alpha(theme.palette[tone].main, 0.18) : 'transparent'),
                  }}
                >
                  {text}
                  {index < entries.length - 1 ? ',' : ''}
                </Box>
              );
            })}
            {'}'}
          </>
        )}
      </Box>
    </Box>
  );
};
