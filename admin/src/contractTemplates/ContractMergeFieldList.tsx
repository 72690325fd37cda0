import { useQuery } from '@tanstack/react-query';
import { MergeFieldCard } from '../common/MergeFieldCard';
import { useBackhaulDataProvider } from '../dataProvider';

/** The fields a contract template may use. */
export const ContractMergeFieldList = () => {
  const dataProvider = useBackhaulDataProvider();
  const { data: fields = [] } = useQuery({
    queryKey: ['contract-templates', 'merge-fields'],
    queryFn: () => dataProvider.fetchContractMergeFields(),
  });
  return <MergeFieldCard fields={fields} hint="Type a field as shown; it is filled in when a contract is written for an account." />;
};
