import Typography from '@mui/material/Typography';
import { AppBar as RaAppBar, TitlePortal } from 'react-admin';

/** Product name, then the current page's title. */
export const AppBar = () => (
  <RaAppBar color="primary">
    <Typography variant="h6" component="span" sx={{ fontWeight: 600, mr: 2 }}>
      Backhaul
    </Typography>
    <TitlePortal variant="subtitle1" />
  </RaAppBar>
);
