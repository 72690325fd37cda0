export enum AddressListsErrorCode {
  NameTaken = 'address_list_name_taken',
}
