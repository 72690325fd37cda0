export enum TaxesErrorCode {
  TaxInUse = 'tax_in_use',
  TaxNameTaken = 'tax_name_taken',
  TaxTypeInUse = 'tax_type_in_use',
  TaxTypeNameTaken = 'tax_type_name_taken',
  TaxOverrideExists = 'tax_override_exists',
}
