import { useBackhaulDataProvider } from '../../dataProvider';
import type { IpAssignment } from '../types';
import { useNetworkChanged } from '../useNetworkChanged';
import { type AssigneeChoice, assigneeError, assigneeFields, assigneeKey } from './assignees';
import { AssigneeSelect } from './AssigneeSelect';

/** An assignment's address to another holder on the same account: the notice to show once it has moved. */
export const useMoveAssignment = () => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  return async (assignment: IpAssignment, to: AssigneeChoice): Promise<string> => {
    const moved = await dataProvider.changeIpAssignment(assignment.id, assigneeFields(to));
    await changed();
    return `${moved.address} moved to ${moved.assigneeLabel}`;
  };
};

/** The assignment's new holder: anyone on the account but the one holding it now (no MAC address for a whole subnet). */
export const MoveToSelect = ({
  account,
  assignment,
  value,
  onChange,
  errors,
}: {
  account: { id: number; name: string };
  assignment: IpAssignment;
  value: AssigneeChoice | null;
  onChange: (choice: AssigneeChoice) => void;
  errors: Record<string, string>;
}) => (
  <AssigneeSelect
    account={account}
    label="Move to"
    value={value?.key ?? ''}
    onChange={onChange}
    exclude={assigneeKey(assignment)}
    macs={assignment.covers !== 'subnet'}
    error={assigneeError(errors)}
  />
);
