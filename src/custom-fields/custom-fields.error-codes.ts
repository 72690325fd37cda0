export enum CustomFieldsErrorCode {
  CustomFieldNameTaken = 'custom_field_name_taken',
  CustomFieldHasValues = 'custom_field_has_values',
  CustomFieldOptionInUse = 'custom_field_option_in_use',
  CustomFieldHasDuplicates = 'custom_field_has_duplicates',
  CustomFieldValuesTooLong = 'custom_field_values_too_long',
  CustomFieldValueTaken = 'custom_field_value_taken',
}
