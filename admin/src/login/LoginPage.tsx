import Typography from '@mui/material/Typography';
import { Login, LoginForm, TextInput, required } from 'react-admin';

/**
 * Email + password; the submitted values are authProvider.login's params.
 * A plain password field (no visibility toggle), so "Password" labels one control only.
 */
export const LoginPage = () => (
  <Login>
    <Typography variant="h5" component="h1" align="center" sx={{ mt: 1 }}>
      Backhaul
    </Typography>
    <LoginForm>
      <TextInput autoFocus source="email" label="Email" type="email" autoComplete="username" validate={required()} />
      <TextInput source="password" label="Password" type="password" autoComplete="current-password" validate={required()} />
    </LoginForm>
  </Login>
);
