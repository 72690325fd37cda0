import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import type { AccountStatus, CatalogService } from '../types';
import { draftError, type SettingDraft } from './settingDrafts';
import { type SettingField, WEEKDAYS } from './settingFields';

interface SettingInputProps {
  field: SettingField;
  value: SettingDraft;
  onChange: (value: SettingDraft) => void;
  services: CatalogService[];
  statuses: AccountStatus[];
}

const LATE_FEE_KINDS = new Set(['one_time', 'adjustment']);
const NONE = '';

/** The input for one billing setting, chosen by its type. */
export const SettingInput = ({ field, value, onChange, services, statuses }: SettingInputProps) => {
  const error = draftError(field, value);
  const common = { label: field.label, fullWidth: true, margin: 'dense' as const, error: Boolean(error), helperText: error ?? field.help };

  switch (field.type) {
    case 'boolean':
      return (
        <FormControlLabel
          control={<Switch checked={Boolean(value)} onChange={(event) => onChange(event.target.checked)} />}
          label={field.label}
        />
      );
    case 'weekdays': {
      const days = (value as number[]) ?? [];
      return (
        <FormControl component="fieldset" margin="dense">
          <FormLabel component="legend">{field.label}</FormLabel>
          <FormGroup row>
            {WEEKDAYS.map((day) => (
              <FormControlLabel
                key={day.value}
                label={day.label}
                control={
                  <Checkbox
                    checked={days.includes(day.value)}
                    onChange={(event) =>
                      onChange(event.target.checked ? [...days, day.value] : days.filter((other) => other !== day.value))
                    }
                  />
                }
              />
            ))}
          </FormGroup>
        </FormControl>
      );
    }
    case 'choice':
      return (
        <TextField {...common} select value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
          {field.options?.map((option) => (
            <MenuItem key={option.value} value={option.value}>
              {option.label}
            </MenuItem>
          ))}
        </TextField>
      );
    case 'service':
    case 'status': {
      const options =
        field.type === 'service'
          ? services
              .filter(
                (service) => LATE_FEE_KINDS.has(service.kind) && (service.kind !== 'adjustment' || service.adjustmentSide === 'debit'),
              )
              .map((service) => ({ id: service.id, name: service.name }))
          : statuses.map((status) => ({ id: status.id, name: status.name }));
      return (
        <TextField
          {...common}
          select
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
          value={value === null ? NONE : String(value)}
          onChange={(event) => onChange(event.target.value === NONE ? null : Number(event.target.value))}
        >
          {field.nullable ? (
            <MenuItem value={NONE}>
              <em>None</em>
            </MenuItem>
          ) : null}
          {options.map((option) => (
            <MenuItem key={option.id} value={String(option.id)}>
              {option.name}
            </MenuItem>
          ))}
        </TextField>
      );
    }
    case 'text':
      return <TextField {...common} multiline minRows={2} value={value ?? ''} onChange={(event) => onChange(event.target.value)} />;
    default:
      return (
        <TextField
          {...common}
          value={value ?? ''}
          onChange={(event) => onChange(event.target.value)}
          slotProps={{
            htmlInput: { inputMode: field.type === 'money' || field.type === 'rate' ? 'decimal' : 'numeric' },
            input: field.type === 'rate' ? { endAdornment: <InputAdornment position="end">%</InputAdornment> } : undefined,
          }}
        />
      );
  }
};
