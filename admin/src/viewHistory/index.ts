import ViewHistoryIcon from '@mui/icons-material/Visibility';
import type { ViewHistoryEntry } from '../types';
import { ViewHistoryList } from './ViewHistoryList';

export const viewHistory = {
  list: ViewHistoryList,
  icon: ViewHistoryIcon,
  options: { label: 'View log' },
  recordRepresentation: (entry: ViewHistoryEntry) => `${entry.userEmail} viewed ${entry.entityType} #${entry.entityId}`,
};
