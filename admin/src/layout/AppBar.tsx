import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { AppBar as RaAppBar, TitlePortal } from 'react-admin';
import { GlobalSearch } from './GlobalSearch';

/** Product name, then the current page's title, then the account search. */
export const AppBar = () => (
  <RaAppBar color="primary">
    <Typography variant="h6" component="span" sx={{ fontWeight: 600, mr: 2 }}>
      Backhaul
    </Typography>
    <TitlePortal variant="subtitle1" />
    <Box sx={{ flexGrow: 1 }} />
    <GlobalSearch />
  </RaAppBar>
);
