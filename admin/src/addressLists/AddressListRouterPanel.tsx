import KeyIcon from '@mui/icons-material/Key';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { ActionDialog } from '../billing/common/ActionDialog';
import { errorMessage, useBackhaulDataProvider } from '../dataProvider';
import { Permissions, useHasPermission } from '../permissions';
import { CodeBlock } from './CodeBlock';
import { CopyableText, FetchKeyDialog } from './FetchKeyDialog';
import { entriesUrl, routerOsScheduler } from './routerUrls';
import type { AddressList, ListFormat } from './types';

/** The entries a router would get now, in either format. */
const Preview = ({ list }: { list: AddressList }) => {
  const dataProvider = useBackhaulDataProvider();
  const [format, setFormat] = useState<ListFormat>('plain');
  const { data, error, isPending } = useQuery({
    queryKey: ['address-lists', list.id, 'preview', format, list.updatedAt],
    queryFn: () => dataProvider.previewAddressList(list.id, format),
  });
  return (
    <Box component="section" aria-label="Entries now">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="subtitle1" component="h3">
          Entries now: {list.entryCount}
        </Typography>
        <ToggleButtonGroup size="small" exclusive value={format} onChange={(_e, value: ListFormat | null) => value && setFormat(value)}>
          <ToggleButton value="plain">Plain</ToggleButton>
          <ToggleButton value="routeros">RouterOS</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      {error ? <Alert severity="error">The entries could not load: {errorMessage(error)}</Alert> : null}
      {!isPending && !error ? (
        data?.trim() || format === 'routeros' ? (
          <CodeBlock
            label={`Entries as ${format === 'plain' ? 'plain lines' : 'a RouterOS script'}`}
            sx={{ p: 1.5, maxHeight: 320, overflow: 'auto' }}
          >
            {data}
          </CodeBlock>
        ) : (
          <Typography variant="body2" color="text.secondary">
            No account the list takes holds an address now.
          </Typography>
        )
      ) : null}
    </Box>
  );
};

/** Below the form: where routers fetch the list, its key, and what they would get now. */
export const AddressListRouterPanel = () => {
  const list = useRecordContext<AddressList>();
  const dataProvider = useBackhaulDataProvider();
  const canConfigure = useHasPermission(Permissions.NetworkConfigure);
  const [confirming, setConfirming] = useState(false);
  const [fetchKey, setFetchKey] = useState<string | null>(null);
  if (!list) return null;
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <Divider sx={{ mb: 2 }} />
      <Typography variant="h6" component="h2" gutterBottom>
        For routers
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5, maxWidth: 760 }}>
        Routers fetch the list with its own key as <code>Authorization: Bearer &lt;key&gt;</code>. The entries are read at each fetch, so a
        change of status reaches the router at its next one.
      </Typography>
      <CopyableText label="Plain list, one entry a line" what="the plain list URL" text={entriesUrl(list.name, 'plain')} />
      <CopyableText label="RouterOS script for /import" what="the RouterOS URL" text={entriesUrl(list.name, 'routeros')} />
      <CopyableText label="RouterOS scheduler script" what="the RouterOS scheduler script" text={routerOsScheduler(list.name)} />
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 3 }}>
        <Typography variant="body2" color="text.secondary">
          The key was shown once, when it was made; Backhaul keeps only its hash.
        </Typography>
        {canConfigure ? (
          <Button variant="outlined" size="small" startIcon={<KeyIcon />} onClick={() => setConfirming(true)}>
            New fetch key
          </Button>
        ) : null}
      </Stack>
      <Preview list={list} />
      {confirming ? (
        <ActionDialog
          title={`New fetch key for ${list.name}?`}
          confirmLabel="Replace the key"
          confirmColor="warning"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const { fetchKey: key } = await dataProvider.replaceAddressListKey(list.id);
            setFetchKey(key);
            return `${list.name} has a new fetch key`;
          }}
        >
          <Typography variant="body2">
            The current key stops working at once: every router fetching {list.name} is refused until it is given the new key, which is
            shown once, next.
          </Typography>
        </ActionDialog>
      ) : null}
      {fetchKey ? <FetchKeyDialog name={list.name} fetchKey={fetchKey} onClose={() => setFetchKey(null)} /> : null}
    </Box>
  );
};
