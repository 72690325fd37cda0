export enum CatalogErrorCode {
  PackageInUse = 'package_in_use',
  PackageNameTaken = 'package_name_taken',
  ServiceInUse = 'service_in_use',
  ServiceInPackage = 'service_in_package',
  ServiceNameTaken = 'service_name_taken',
}
