export * from './formatMoney';
export * from './MoneyField';
