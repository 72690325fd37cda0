export enum DhcpErrorCode {
  /** The server still serves subnets. */
  ServerInUse = 'dhcp_server_in_use',
  /** Another DHCP server has that name already. */
  ServerNameTaken = 'dhcp_server_name_taken',
}
