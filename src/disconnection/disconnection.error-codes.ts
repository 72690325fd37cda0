export enum DisconnectionErrorCode {
  AccountDisconnected = 'account_disconnected',
  DisconnectDefaultChanged = 'disconnect_default_changed',
  NoDisconnectStatus = 'no_disconnect_status',
  DisconnectStatusActive = 'disconnect_status_active',
}
