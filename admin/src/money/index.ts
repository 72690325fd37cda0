export * from './formatMoney';
export * from './MoneyField';
export * from './parseMoneyInput';
export * from './MoneyInput';
