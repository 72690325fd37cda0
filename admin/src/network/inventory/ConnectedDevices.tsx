import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNotify } from 'react-admin';
import { formatDateTime } from '../../accounts/formatting';
import { errorMessage, toApiProblem, useBackhaulDataProvider } from '../../dataProvider';
import type { InventoryItem } from '../types';
import { networkQueryKeys } from '../useNetworkChanged';
import { MAC_HTML_INPUT, MAC_PLACEHOLDER, macProblem } from './macAddress';

/** The MAC addresses seen behind an item, with when each was first and last seen; one that is an item of ours is named. */
export const ConnectedDevices = ({ item, canManage }: { item: InventoryItem; canManage: boolean }) => {
  const dataProvider = useBackhaulDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const key = networkQueryKeys.connectedDevices(item.id);
  const { data = [], isPending, error } = useQuery({ queryKey: key, queryFn: () => dataProvider.listConnectedDevices(item.id) });
  const [mac, setMac] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const typed = macProblem(mac);

  const record = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !mac.trim() || typed) return;
    setBusy(true);
    setProblem(null);
    try {
      queryClient.setQueryData(key, await dataProvider.recordConnectedDevice(item.id, mac.trim()));
      notify(`${mac.trim()} recorded as seen behind the item`, { type: 'success' });
      setMac('');
    } catch (failure) {
      const answer = toApiProblem(failure);
      setProblem(answer.fields.mac ?? answer.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box>
      {error ? <Alert severity="error">The connected devices could not load: {errorMessage(error)}</Alert> : null}
      {!isPending && !error && data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No device has been seen behind it.
        </Typography>
      ) : null}
      {data.length > 0 ? (
        <Table size="small" aria-label={`Devices connected to item ${item.id}`}>
          <TableHead>
            <TableRow>
              <TableCell>MAC address</TableCell>
              <TableCell>First seen</TableCell>
              <TableCell>Last seen</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((device) => (
              <TableRow key={device.mac}>
                <TableCell>
                  <Box component="span" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                    {device.mac}
                  </Box>
                  {device.itemLabel ? (
                    <Typography variant="caption" color="text.secondary" component="div">
                      Inventory item: {device.itemLabel}
                    </Typography>
                  ) : null}
                </TableCell>
                <TableCell>{formatDateTime(device.firstSeenAt)}</TableCell>
                <TableCell>{formatDateTime(device.lastSeenAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {canManage ? (
        <Stack
          component="form"
          direction="row"
          spacing={1}
          onSubmit={(event) => void record(event)}
          sx={{ mt: 1.5, alignItems: 'flex-start' }}
        >
          <TextField
            size="small"
            label="MAC address seen behind it"
            value={mac}
            placeholder={MAC_PLACEHOLDER}
            onChange={(event) => {
              setMac(event.target.value);
              setProblem(null);
            }}
            autoComplete="off"
            // The label sits above the field, so the example placeholder never runs into it.
            slotProps={{
              inputLabel: { shrink: true },
              htmlInput: MAC_HTML_INPUT,
            }}
            error={Boolean(problem ?? typed)}
            helperText={problem ?? typed ?? ' '}
            sx={{ flex: 1, maxWidth: 320 }}
          />
          <Button type="submit" variant="outlined" disabled={busy || !mac.trim() || typed !== null} sx={{ mt: 0.75 }}>
            Record
          </Button>
        </Stack>
      ) : null}
    </Box>
  );
};
