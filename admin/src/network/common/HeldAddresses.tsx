import Box from '@mui/material/Box';
import { NoneText } from '../../common';

/** The addresses a RADIUS account or a MAC address holds now, one a line, or None. */
export const HeldAddresses = ({ addresses }: { addresses: string[] }) =>
  addresses.length > 0 ? (
    <>
      {addresses.map((address) => (
        <Box key={address} sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
          {address}
        </Box>
      ))}
    </>
  ) : (
    <NoneText />
  );
