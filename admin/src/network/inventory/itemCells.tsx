import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Caption, Mono, NoneText } from '../../common';
import type { InventoryItem } from '../types';

/** The item's model, its manufacturer under it. */
export const ItemModel = ({ item }: { item: Pick<InventoryItem, 'modelName' | 'manufacturerName'> }) => (
  <>
    <Box component="span">{item.modelName}</Box>
    <Caption>{item.manufacturerName}</Caption>
  </>
);

/** The item's serial number; `none` where it has none. */
export const ItemSerial = ({ item, none = null }: { item: Pick<InventoryItem, 'serial'>; none?: ReactNode }) =>
  item.serial ? <Mono wrap="anywhere">{item.serial}</Mono> : none;

/** Each MAC address of the item, with the IP addresses it holds now. */
export const ItemMacs = ({ item }: { item: Pick<InventoryItem, 'macs'> }) =>
  item.macs.length === 0 ? (
    <NoneText />
  ) : (
    <>
      {item.macs.map((mac) => (
        <Box key={mac.id} sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1 }}>
          <Mono>{mac.mac}</Mono>
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
