import { useGetList } from 'react-admin';
import { Permissions, useHasPermission } from '../permissions';
import type { TicketGroup, TicketStatus } from './types';

const ALL = { pagination: { page: 1, perPage: 1000 } } as const;

/** Every status, by position: the list answers them all. */
export const useTicketStatuses = () => {
  const { data = [], isPending } = useGetList<TicketStatus>('ticket-statuses', { ...ALL, sort: { field: 'position', order: 'ASC' } });
  return { statuses: data, isPending };
};

export const useTicketGroups = () => {
  const { data = [], isPending } = useGetList<TicketGroup>('ticket-groups', { ...ALL, sort: { field: 'name', order: 'ASC' } });
  return { groups: data, isPending };
};

export interface AssigneeOption {
  id: number;
  name: string;
}

/**
 * Who a ticket may be assigned to: the active staff users for those who may list them, otherwise
 * the members of the ticket groups (which every ticket reader may see).
 */
export const useAssignees = (): AssigneeOption[] => {
  const canReadUsers = useHasPermission(Permissions.UsersRead);
  const { groups } = useTicketGroups();
  const { data: users = [] } = useGetList<{ id: number; name: string }>(
    'users',
    { filter: { active: true }, ...ALL, sort: { field: 'name', order: 'ASC' } },
    { enabled: canReadUsers },
  );
  if (canReadUsers) return users.map((user) => ({ id: user.id, name: user.name }));
  const members = new Map<number, string>();
  for (const group of groups) for (const member of group.members) members.set(member.userId, member.name);
  return [...members].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
};
