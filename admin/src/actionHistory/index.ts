import ActionHistoryIcon from '@mui/icons-material/History';
import type { ActionHistoryEntry } from '../types';
import { ActionHistoryList } from './ActionHistoryList';

export const actionHistory = {
  list: ActionHistoryList,
  icon: ActionHistoryIcon,
  options: { label: 'Audit log' },
  recordRepresentation: (entry: ActionHistoryEntry) => `${entry.action} ${entry.entityType} #${entry.entityId}`,
};
