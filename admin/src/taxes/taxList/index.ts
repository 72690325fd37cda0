import TaxIcon from '@mui/icons-material/Percent';
import { TaxCreate } from './TaxCreate';
import { TaxEdit } from './TaxEdit';
import { TaxList } from './TaxList';

export const taxes = {
  list: TaxList,
  create: TaxCreate,
  edit: TaxEdit,
  icon: TaxIcon,
  options: { label: 'Taxes' },
  recordRepresentation: 'name',
};
