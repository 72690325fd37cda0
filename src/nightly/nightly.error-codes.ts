export enum NightlyErrorCode {
  NightlyDateNotYet = 'nightly_date_not_yet',
}
