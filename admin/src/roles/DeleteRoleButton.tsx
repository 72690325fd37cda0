import { DeleteWithConfirmButton, useRecordContext } from 'react-admin';
import type { Role } from '../types';

const ConfirmContent = () => {
  const role = useRecordContext<Role>();
  const holders = role?.userCount ?? 0;
  return holders > 0
    ? `${holders} user${holders === 1 ? '' : 's'} still hold this role; reassign them before deleting it.`
    : 'Delete this role? This cannot be undone.';
};

/**
 * Asks first and waits for the API (pessimistic): a role still held by users
 * answers 409, and its message is shown as the error notification.
 */
export const DeleteRoleButton = () => (
  <DeleteWithConfirmButton mutationMode="pessimistic" redirect="list" confirmContent={<ConfirmContent />} />
);
