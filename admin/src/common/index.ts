export * from './searchByName';
export * from './SettingsListActions';
export * from './AccountFilterInput';
export * from './RowActionsMenu';
