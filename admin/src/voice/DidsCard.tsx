import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Datagrid, FunctionField, ListBase, Pagination, useListContext } from 'react-admin';
import { formatDateTime } from '../accounts/formatting';
import { Permissions, useHasPermission } from '../permissions';
import { AssignDidDialog } from './AssignDidDialog';
import { ReleaseDidDialog } from './ReleaseDidDialog';
import { accountDidsResource, type DidHolding, type VoiceService } from './types';
import { formatPhoneNumber } from './voiceFormatting';

/** Held now only, or every holding the account has had (released ones show when they ended). */
const HeldNowSwitch = () => {
  const { filterValues, setFilters } = useListContext();
  const heldNow = filterValues.current === true;
  return (
    <FormControlLabel
      control={
        <Switch
          size="small"
          checked={heldNow}
          onChange={(_event, checked) => setFilters(checked ? { ...filterValues, current: true } : {}, {})}
        />
      }
      label="Held now only"
    />
  );
};

interface DidsCardProps {
  accountId: number;
  services: VoiceService[];
  onChanged: () => void;
}

/**
 * The account's phone numbers: each number a voice service holds or held, and "Assign DID",
 * which gives one of the instance's available numbers to one of the account's voice services.
 */
export const DidsCard = ({ accountId, services, onChanged }: DidsCardProps) => {
  const canManage = useHasPermission(Permissions.VoiceManage);
  const [assigning, setAssigning] = useState(false);
  const [releasing, setReleasing] = useState<DidHolding | null>(null);
  const active = services.filter((s) => s.removedOn === null);

  return (
    <Card>
      <CardContent>
        <ListBase
          resource={accountDidsResource(accountId)}
          sort={{ field: 'assignedAt', order: 'DESC' }}
          perPage={10}
          disableSyncWithLocation
          storeKey={false}
        >
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap', mb: 1 }}>
            <Typography variant="h6" component="h2">
              DIDs
            </Typography>
            <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
              <HeldNowSwitch />
              {canManage ? (
                <Tooltip title={active.length ? '' : 'The account needs a voice service first (Services & Packages)'}>
                  <span>
                    <Button
                      size="small"
                      variant="contained"
                      startIcon={<AddIcon />}
                      disabled={!active.length}
                      onClick={() => setAssigning(true)}
                    >
                      Assign DID
                    </Button>
                  </span>
                </Tooltip>
              ) : null}
            </Stack>
          </Stack>
          <Box role="region" aria-label="DIDs list">
            <Datagrid bulkActionButtons={false} empty={<Box sx={{ p: 2 }}>The account holds no numbers.</Box>}>
              <FunctionField<DidHolding> source="number" label="Number" render={(h) => formatPhoneNumber(h.number)} />
              <FunctionField<DidHolding> label="Voice service" sortable={false} render={(h) => h.serviceName ?? `#${h.accountServiceId}`} />
              <FunctionField<DidHolding> source="assignedAt" label="Assigned" render={(h) => formatDateTime(h.assignedAt)} />
              <FunctionField<DidHolding>
                source="releasedAt"
                label="Released"
                render={(h) => (h.releasedAt ? formatDateTime(h.releasedAt) : 'Held now')}
              />
              <FunctionField<DidHolding>
                label=""
                textAlign="right"
                render={(h) =>
                  canManage && h.current ? (
                    <Button size="small" color="error" onClick={() => setReleasing(h)}>
                      Release
                    </Button>
                  ) : null
                }
              />
            </Datagrid>
          </Box>
          <Pagination rowsPerPageOptions={[10, 25, 50]} />
        </ListBase>
      </CardContent>
      {assigning ? (
        <AssignDidDialog accountId={accountId} services={active} onClose={() => setAssigning(false)} onAssigned={onChanged} />
      ) : null}
      {releasing ? (
        <ReleaseDidDialog accountId={accountId} holding={releasing} onClose={() => setReleasing(null)} onReleased={onChanged} />
      ) : null}
    </Card>
  );
};
