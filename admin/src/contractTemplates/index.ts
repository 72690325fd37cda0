import ContractTemplateIcon from '@mui/icons-material/HistoryEdu';
import { ContractTemplateCreate, ContractTemplateEdit } from './ContractTemplateEdit';
import { ContractTemplateList } from './ContractTemplateList';

export const contractTemplates = {
  list: ContractTemplateList,
  edit: ContractTemplateEdit,
  create: ContractTemplateCreate,
  icon: ContractTemplateIcon,
  options: { label: 'Contract templates' },
  recordRepresentation: 'name',
};
