import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { formatMoney } from '../../../money';
import type { CatalogService } from '../../../types';
import { MoneyTextField } from '../../common/MoneyTextField';
import { blankLine, type InvoiceLineDraft, isQuantityText } from './invoiceLines';

interface InvoiceLinesEditorProps {
  lines: InvoiceLineDraft[];
  onChange: (lines: InvoiceLineDraft[]) => void;
  services: CatalogService[];
  currency: string | undefined;
}

/** Lines of one-time or recurring services, each with a quantity and an optional unit price. */
export const InvoiceLinesEditor = ({ lines, onChange, services, currency }: InvoiceLinesEditorProps) => {
  const update = (key: number, patch: Partial<InvoiceLineDraft>) =>
    onChange(lines.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  const priceLabel = (service: CatalogService) => (currency ? formatMoney(service.price, currency) : String(service.price));

  return (
    <Stack spacing={1.5} role="group" aria-label="Invoice lines">
      {lines.map((line, index) => {
        const service = services.find((candidate) => candidate.id === line.serviceId) ?? null;
        return (
          <Stack key={line.key} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
            <Autocomplete
              sx={{ flex: 3 }}
              options={services}
              value={service}
              onChange={(_event, value) => update(line.key, { serviceId: value?.id ?? null })}
              getOptionLabel={(option) => `${option.name} (${priceLabel(option)})`}
              isOptionEqualToValue={(option, value) => option.id === value.id}
              renderInput={(params) => <TextField {...params} label={`Service, line ${index + 1}`} size="small" />}
            />
            <TextField
              sx={{ flex: 1 }}
              size="small"
              label="Quantity"
              value={line.quantity}
              onChange={(event) => update(line.key, { quantity: event.target.value })}
              error={!isQuantityText(line.quantity)}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            />
            <MoneyTextField
              sx={{ flex: 1.5 }}
              size="small"
              label="Unit price"
              optional
              value={line.price}
              onChange={(price) => update(line.key, { price })}
              helperText={service ? `Blank: ${priceLabel(service)}` : 'Blank: the service price'}
            />
            <TextField
              sx={{ flex: 2 }}
              size="small"
              label="Description"
              value={line.description}
              onChange={(event) => update(line.key, { description: event.target.value })}
              slotProps={{ htmlInput: { maxLength: 255 } }}
            />
            <IconButton aria-label={`Remove line ${index + 1}`} onClick={() => onChange(lines.filter((other) => other.key !== line.key))}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Stack>
        );
      })}
      <div>
        <Button size="small" startIcon={<AddIcon />} onClick={() => onChange([...lines, blankLine()])}>
          Add a line
        </Button>
      </div>
    </Stack>
  );
};
