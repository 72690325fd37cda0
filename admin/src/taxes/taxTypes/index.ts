import TaxTypeIcon from '@mui/icons-material/Label';
import { TaxTypeCreate } from './TaxTypeCreate';
import { TaxTypeEdit } from './TaxTypeEdit';
import { TaxTypeList } from './TaxTypeList';

export const taxTypes = {
  list: TaxTypeList,
  create: TaxTypeCreate,
  edit: TaxTypeEdit,
  icon: TaxTypeIcon,
  options: { label: 'Tax types' },
  recordRepresentation: 'name',
};
