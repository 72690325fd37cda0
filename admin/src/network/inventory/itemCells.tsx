import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { InventoryItem } from '../types';

/** Each MAC address of the item, with the IP addresses it holds now. */
export const ItemMacs = ({ item }: { item: Pick<InventoryItem, 'macs'> }) =>
  item.macs.length === 0 ? (
    <Typography variant="body2" color="text.secondary" component="span">
      None
    </Typography>
  ) : (
    <>
      {item.macs.map((mac) => (
        <Box key={mac.id} sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1 }}>
          <Box component="span" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
            {mac.mac}
          </Box>
          {mac.ipAddresses.length > 0 ? (
            <Box component="span" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap', color: 'text.secondary' }}>
              → {mac.ipAddresses.join(', ')}
            </Box>
          ) : null}
        </Box>
      ))}
    </>
  );

/** The item's values of its model's own fields, "Firmware: 8.7.11" one a line. */
export const ItemFieldValues = ({ item }: { item: Pick<InventoryItem, 'fieldValues'> }) =>
  item.fieldValues.length === 0 ? null : (
    <>
      {item.fieldValues.map((value) => (
        <Typography key={value.fieldId} variant="body2" component="div" sx={{ overflowWrap: 'break-word' }}>
          <Box component="span" sx={{ color: 'text.secondary' }}>
            {value.name}:
          </Box>{' '}
          {value.value}
        </Typography>
      ))}
    </>
  );
