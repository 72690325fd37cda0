import { useEffect, useState } from 'react';
import { MergeFieldCard } from '../common/MergeFieldCard';
import { useBackhaulDataProvider } from '../dataProvider';
import type { MergeField } from '../types';

/** The fields a message template may use. */
export const MergeFieldList = () => {
  const dataProvider = useBackhaulDataProvider();
  const [fields, setFields] = useState<MergeField[]>([]);
  useEffect(() => {
    let live = true;
    void dataProvider.fetchMergeFields().then((f) => live && setFields(f));
    return () => {
      live = false;
    };
  }, []);
  return <MergeFieldCard fields={fields} />;
};
