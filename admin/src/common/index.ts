export * from './searchByName';
export * from './SettingsListActions';
