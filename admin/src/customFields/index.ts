import CustomFieldIcon from '@mui/icons-material/Tune';
import { CustomFieldCreate } from './CustomFieldCreate';
import { CustomFieldEdit } from './CustomFieldEdit';
import { CustomFieldList } from './CustomFieldList';

export const customFields = {
  list: CustomFieldList,
  create: CustomFieldCreate,
  edit: CustomFieldEdit,
  icon: CustomFieldIcon,
  options: { label: 'Custom fields' },
  recordRepresentation: 'name',
};
