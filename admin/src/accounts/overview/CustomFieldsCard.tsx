import { CustomFieldValueList } from '../customFields/CustomFieldValueList';
import { SectionCard } from './SectionCard';

export const CustomFieldsCard = ({ accountId }: { accountId: number }) => (
  <SectionCard title="Custom Fields">
    <CustomFieldValueList accountId={accountId} />
  </SectionCard>
);
