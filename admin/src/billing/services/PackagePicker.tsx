import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useGetList } from 'react-admin';
import { formatMoney } from '../../money';
import type { CatalogPackage } from '../../types';

interface PackagePickerProps {
  value: CatalogPackage | null;
  onChange: (pkg: CatalogPackage | null) => void;
  currency: string | undefined;
}

/** An active package, shown with its price per period. */
export const PackagePicker = ({ value, onChange, currency }: PackagePickerProps) => {
  const { data = [], isPending } = useGetList<CatalogPackage>('packages', {
    filter: { active: true },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  return (
    <Autocomplete
      options={data}
      loading={isPending}
      value={value}
      onChange={(_event, pkg) => onChange(pkg)}
      getOptionLabel={(pkg) => `${pkg.name} (${currency ? formatMoney(pkg.total, currency) : pkg.total})`}
      isOptionEqualToValue={(option, selected) => option.id === selected.id}
      renderInput={(params) => <TextField {...params} label="Package" required margin="normal" />}
    />
  );
};
