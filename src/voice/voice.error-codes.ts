export enum VoiceErrorCode {
  /** Another rate plan has that name already. */
  RatePlanNameTaken = 'voice_rate_plan_name_taken',
  /** A catalogue service is priced by the rate plan, so it cannot be deleted. */
  RatePlanInUse = 'voice_rate_plan_in_use',
  /** The number is one of the instance's numbers already. */
  DidNumberTaken = 'did_number_taken',
  /** The number is held by a voice service, reserved or retired, so it cannot be assigned. */
  DidNotAvailable = 'did_not_available',
  /** The number is held by a voice service: release it before reserving, retiring or freeing it. */
  DidAssigned = 'did_assigned',
  /** The account service is not of a voice catalogue service, so it cannot hold numbers. */
  NotAVoiceService = 'not_a_voice_service',
  /** The voice service has been removed from the account (or ends before the number would be held). */
  VoiceServiceRemoved = 'voice_service_removed',
  /** The number is not held by that voice service now. */
  DidNotHeld = 'did_not_held',
  /** Only a file whose import failed or finished can be read again; one being read is left to finish. */
  CdrFileBusy = 'cdr_file_busy',
  /** Temporal did not answer, so the folder watcher could not be woken; it still looks on its own schedule. */
  CdrFolderUnavailable = 'cdr_folder_unavailable',
}
