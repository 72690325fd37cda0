export * from './searchByName';
export * from './SettingsListActions';
export * from './AccountFilterInput';
