import { SearchPicker, type SearchPickerProps } from '../common/SearchPicker';

type PlanPickerProps<T extends { id: number }> = Omit<SearchPickerProps<T>, 'queryKey' | 'noOptions'> & {
  /** The resource the records come from: its key root, so a change to the plan refreshes the options. */
  resource: 'ip-pools' | 'ip-subnets';
};

/** A pool or a subnet of the address plan, found by its name or network. */
export const PlanPicker = <T extends { id: number }>({ resource, ...props }: PlanPickerProps<T>) => (
  <SearchPicker<T> {...props} queryKey={[resource, 'picker']} noOptions={{ matching: 'Nothing matches', none: 'None defined yet' }} />
);
