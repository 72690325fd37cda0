export enum DhcpErrorCode {
  /** The server still serves subnets, or its name is another server's. */
  ServerInUse = 'dhcp_server_in_use',
}
