import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { ActionDialog } from '../../../billing/common/ActionDialog';
import { isMoneyText, MoneyTextField } from '../../../billing/common/MoneyTextField';
import { isQuantityText } from '../../../billing/invoices/dialogs/invoiceLines';
import { PackagePicker } from '../../../billing/services/PackagePicker';
import { useAccountServices } from '../../../billing/services/useAccountServices';
import { ServicePicker } from '../../../billing/transactions/dialogs/ServicePicker';
import { minorUnitsToInput, parseMoneyInput } from '../../../money';
import { Permissions, useHasPermission } from '../../../permissions';
import { type AccountStatus, type CatalogPackage, type CatalogService, RECURRING_KINDS } from '../../../types';
import { fromLocalInput, kindFields, KINDS, toLocalInput } from './scheduledEventKinds';
import { useBackhaulDataProvider } from '../../../dataProvider';
import type { ScheduledEvent, ScheduledEventFields, ScheduledEventKind } from '../../../types';

type Proration = 'settings' | 'yes' | 'no';

const toProration = (prorate: boolean | null | undefined): Proration => (prorate === true ? 'yes' : prorate === false ? 'no' : 'settings');
const fromProration = (value: Proration): boolean | null => (value === 'settings' ? null : value === 'yes');

// The same queries the pickers run, so an event being edited finds its service or package among the options.
const CATALOG_LIST = { filter: { active: true }, pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' as const } };

interface ScheduledEventDialogProps {
  accountId: number;
  currency: string | undefined;
  /** The event to edit; a new one when absent. */
  event?: ScheduledEvent;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}

/** Schedules a change to the account for a chosen moment, or edits one still waiting. */
export const ScheduledEventDialog = ({ accountId, currency, event, onClose, onSaved }: ScheduledEventDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const canChooseProration = useHasPermission(Permissions.BillingProrationOverride);
  const { data: services = [] } = useGetList<CatalogService>('services', CATALOG_LIST);
  const { data: packages = [] } = useGetList<CatalogPackage>('packages', CATALOG_LIST);
  const { data: statuses = [] } = useGetList<AccountStatus>('account-statuses', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
  });
  const { data: lines = [] } = useAccountServices(accountId);

  const [kind, setKind] = useState<ScheduledEventKind>(event?.kind ?? 'add_service');
  const [when, setWhen] = useState(event ? toLocalInput(event.runAt) : '');
  const [serviceId, setServiceId] = useState<number | null>(event?.serviceId ?? null);
  const [packageId, setPackageId] = useState<number | null>(event?.packageId ?? null);
  const [lineId, setLineId] = useState<number | ''>(event?.accountServiceId ?? '');
  const [statusId, setStatusId] = useState<number | ''>(event?.accountStatusId ?? '');
  const [quantity, setQuantity] = useState(String(event?.quantity ?? 1));
  const [price, setPrice] = useState(event && event.priceOverride !== null ? minorUnitsToInput(event.priceOverride) : '');
  const [proration, setProration] = useState<Proration>(toProration(event?.prorate));

  const fields = kindFields(kind);
  const shows = (field: keyof ScheduledEventFields) => fields.includes(field);
  const priceRequired = kind === 'set_price_override';
  const lineChoices = lines.filter((line) =>
    kind === 'remove_package'
      ? line.packageId !== null
      : kind === 'remove_service' || priceRequired || kind === 'clear_price_override'
        ? line.serviceId !== null
        : false,
  );
  // An edited event may point at a line that is no longer listed (removed by hand since); keep it selectable.
  const lineOptions =
    lineId !== '' && !lineChoices.some((line) => line.id === lineId)
      ? [{ id: lineId, name: `Service line ${lineId}`, quantity: 1 }, ...lineChoices]
      : lineChoices;

  const runAt = fromLocalInput(when);
  const valid =
    runAt !== '' &&
    (!shows('serviceId') || serviceId !== null) &&
    (!shows('packageId') || packageId !== null) &&
    (!shows('accountServiceId') || lineId !== '') &&
    (!shows('accountStatusId') || statusId !== '') &&
    (!shows('quantity') || isQuantityText(quantity)) &&
    (!shows('priceOverride') || isMoneyText(price, { optional: !priceRequired }));

  const values = (): ScheduledEventFields => {
    const out: ScheduledEventFields = {};
    if (shows('serviceId')) out.serviceId = serviceId;
    if (shows('packageId')) out.packageId = packageId;
    if (shows('accountServiceId')) out.accountServiceId = lineId === '' ? null : lineId;
    if (shows('accountStatusId')) out.accountStatusId = statusId === '' ? null : statusId;
    if (shows('quantity')) out.quantity = Number(quantity);
    if (shows('priceOverride')) out.priceOverride = price.trim() ? parseMoneyInput(price) : null;
    // Proration is chosen only by those allowed to; for everyone else the billing settings decide when it runs.
    if (shows('prorate') && canChooseProration) out.prorate = fromProration(proration);
    return out;
  };

  const confirm = async () => {
    const saved = event
      ? await dataProvider.updateScheduledEvent(event.id, { runAt, ...values() })
      : await dataProvider.createScheduledEvent(accountId, { kind, runAt, ...values() });
    await onSaved();
    return event ? `${saved.summary}: rescheduled` : `${saved.summary}: scheduled`;
  };

  return (
    <ActionDialog
      title={event ? 'Edit scheduled event' : 'Schedule an event'}
      confirmLabel={event ? 'Save changes' : 'Schedule'}
      onConfirm={confirm}
      onClose={onClose}
      disabled={!valid}
    >
      <TextField
        select
        label="What"
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as ScheduledEventKind);
          setLineId('');
        }}
        disabled={Boolean(event)}
        fullWidth
        margin="normal"
      >
        {KINDS.map((k) => (
          <MenuItem key={k.kind} value={k.kind}>
            {k.label}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        type="datetime-local"
        label="When"
        value={when}
        onChange={(e) => setWhen(e.target.value)}
        required
        fullWidth
        margin="normal"
        helperText="Your local time"
        slotProps={{ inputLabel: { shrink: true } }}
      />
      {shows('serviceId') ? (
        <ServicePicker
          label="Service"
          kinds={RECURRING_KINDS}
          value={services.find((s) => s.id === serviceId) ?? null}
          onChange={(s) => setServiceId(s?.id ?? null)}
          currency={currency}
        />
      ) : null}
      {shows('packageId') ? (
        <PackagePicker
          value={packages.find((p) => p.id === packageId) ?? null}
          onChange={(p) => setPackageId(p?.id ?? null)}
          currency={currency}
        />
      ) : null}
      {shows('accountServiceId') ? (
        <TextField
          select
          label="Service on the account"
          value={lineId}
          onChange={(e) => setLineId(Number(e.target.value))}
          required
          fullWidth
          margin="normal"
        >
          {lineOptions.map((line) => (
            <MenuItem key={line.id} value={line.id}>
              {line.quantity > 1 ? `${line.name} × ${line.quantity}` : line.name}
            </MenuItem>
          ))}
        </TextField>
      ) : null}
      {shows('accountStatusId') ? (
        <TextField
          select
          label="New status"
          value={statusId}
          onChange={(e) => setStatusId(Number(e.target.value))}
          required
          fullWidth
          margin="normal"
        >
          {statuses.map((status) => (
            <MenuItem key={status.id} value={status.id}>
              {status.name}
            </MenuItem>
          ))}
        </TextField>
      ) : null}
      <Stack direction="row" spacing={2}>
        {shows('quantity') ? (
          <TextField
            label="Quantity"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            error={!isQuantityText(quantity)}
            margin="normal"
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
        ) : null}
        {shows('priceOverride') ? (
          <MoneyTextField
            label={priceRequired ? 'New unit price' : 'Price override'}
            value={price}
            onChange={setPrice}
            optional={!priceRequired}
            helperText={priceRequired ? undefined : "Blank keeps the catalogue's price"}
            margin="normal"
          />
        ) : null}
      </Stack>
      {shows('prorate') && canChooseProration ? (
        <TextField
          select
          label="Proration"
          value={proration}
          onChange={(e) => setProration(e.target.value as Proration)}
          fullWidth
          margin="normal"
        >
          <MenuItem value="settings">As the billing settings say when it runs</MenuItem>
          <MenuItem value="yes">Prorate</MenuItem>
          <MenuItem value="no">Do not prorate</MenuItem>
        </TextField>
      ) : null}
    </ActionDialog>
  );
};
