import { CssBaseline, ThemeProvider, createTheme } from '@mui/material';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SigningPage } from './SigningPage';

const container = document.getElementById('root');
if (!container) throw new Error('sign.html has no #root element');

// The link's token is in the fragment, which browsers never send to a server or put in a Referer.
const token = decodeURIComponent(window.location.hash.replace(/^#/, ''));

createRoot(container).render(
  <StrictMode>
    <ThemeProvider theme={createTheme({ palette: { primary: { main: '#1565c0' } } })}>
      <CssBaseline />
      <SigningPage token={token} />
    </ThemeProvider>
  </StrictMode>,
);
