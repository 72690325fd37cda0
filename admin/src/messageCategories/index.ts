import MessageCategoryIcon from '@mui/icons-material/MarkEmailRead';
import { MessageCategoryCreate } from './MessageCategoryCreate';
import { MessageCategoryEdit } from './MessageCategoryEdit';
import { MessageCategoryList } from './MessageCategoryList';

export const messageCategories = {
  list: MessageCategoryList,
  create: MessageCategoryCreate,
  edit: MessageCategoryEdit,
  icon: MessageCategoryIcon,
  options: { label: 'Message categories' },
  recordRepresentation: 'name',
};
