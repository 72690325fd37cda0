import { i18nProvider } from '../../admin/src/i18nProvider';

/**
 * The panel names records and lists inside sentences the way a person writes them: an empty
 * list says "No late fees yet.", never react-admin's capitalised resource id ("No Late-fees yet.").
 */
describe("the panel's names for records and lists in sentences", () => {
  const t = (key: string, options?: object) => i18nProvider.translate(key, options);
  const empty = (resource: string) => t('ra.page.empty', { name: t(`resources.${resource}.forcedCaseName`, { smart_count: 0 }) });

  it('says what an empty list holds in lower case, in the plural', () => {
    expect(empty('late-fees')).toBe('No late fees yet.');
    expect(empty('webhook-events')).toBe('No processor events yet.');
    expect(empty('emails')).toBe('No email yet.');
    expect(empty('account-statuses')).toBe('No account statuses yet.');
  });

  it('names one record in the singular, for confirmations', () => {
    expect(t('resources.tax-zones.forcedCaseName', { smart_count: 1 })).toBe('tax zone');
    expect(t('resources.taxes.forcedCaseName', { smart_count: 1 })).toBe('tax');
  });

  it('keeps the notices after saving', () => {
    expect(t('resources.accounts.notifications.created')).toBe('Account created');
  });
});
