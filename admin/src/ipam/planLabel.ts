/** "Harbor PPPoE (100.66.4.0/24)": a supernet or a subnet as the pickers offer it. */
export const planLabel = (record: { name: string; network: string }): string => `${record.name} (${record.network})`;
