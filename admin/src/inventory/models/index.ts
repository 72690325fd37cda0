import ModelIcon from '@mui/icons-material/Category';
import { ModelCreate, ModelEdit } from './ModelEdit';
import { ModelList } from './ModelList';

export const inventoryModels = {
  list: ModelList,
  create: ModelCreate,
  edit: ModelEdit,
  icon: ModelIcon,
  options: { label: 'Inventory models' },
  recordRepresentation: (model: { manufacturerName: string; name: string }) => `${model.manufacturerName} ${model.name}`,
};
