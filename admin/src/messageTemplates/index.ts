import MessageTemplateIcon from '@mui/icons-material/Drafts';
import { MessageTemplateEdit } from './MessageTemplateEdit';
import { MessageTemplateList } from './MessageTemplateList';

export const messageTemplates = {
  list: MessageTemplateList,
  edit: MessageTemplateEdit,
  icon: MessageTemplateIcon,
  options: { label: 'Message templates' },
  recordRepresentation: 'name',
};
