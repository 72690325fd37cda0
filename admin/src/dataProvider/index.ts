export * from './apiUrl';
export * from './dataProvider';
export * from './exportUrl';
export * from './httpClient';
export * from './accountsApi';
