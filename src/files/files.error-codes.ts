export enum FilesErrorCode {
  FileTooLarge = 'file_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  UploadAborted = 'upload_aborted',
}
