import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useGetList } from 'react-admin';
import { formatMoney } from '../../../money';
import type { CatalogService, ServiceKind } from '../../../types';

interface ServicePickerProps {
  label: string;
  kinds: readonly ServiceKind[];
  value: CatalogService | null;
  onChange: (service: CatalogService | null) => void;
  currency: string | undefined;
}

/** An active catalogue service of the given kinds, shown with its price. */
export const ServicePicker = ({ label, kinds, value, onChange, currency }: ServicePickerProps) => {
  const { data = [], isPending } = useGetList<CatalogService>('services', {
    filter: { active: true },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  const options = data.filter((service) => kinds.includes(service.kind));
  return (
    <Autocomplete
      options={options}
      loading={isPending}
      value={value}
      onChange={(_event, service) => onChange(service)}
      getOptionLabel={(service) => `${service.name} (${currency ? formatMoney(service.price, currency) : service.price})`}
      isOptionEqualToValue={(option, selected) => option.id === selected.id}
      renderInput={(params) => <TextField {...params} label={label} required margin="normal" />}
    />
  );
};
