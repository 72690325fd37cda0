export enum ContractsErrorCode {
  /** A template that contracts were written from is kept for them: it can be disabled, not deleted. */
  TemplateInUse = 'contract_template_in_use',
  TemplateDisabled = 'contract_template_disabled',
  /** A signed contract is final: it can be downloaded, nothing else. */
  ContractSigned = 'contract_signed',
  /** The contract's state does not allow this (a request already open, a cancelled one re-sent). */
  ContractState = 'contract_state',
  /** A wrong, expired, used or cancelled signing link: all answer the same, so a guess learns nothing. */
  SigningLinkInvalid = 'signing_link_invalid',
  SigningNotConfigured = 'contract_signing_not_configured',
  /** Temporal did not take the signing request's workflow: nothing was sent. */
  SigningProcessUnavailable = 'contract_signing_process_unavailable',
  SigningThrottled = 'contract_signing_throttled',
}
