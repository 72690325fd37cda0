import { useState } from 'react';
import type { BillingSettings } from '../types';
import { draftError, fromDraft, type SettingDraft, toDraft } from './settingDrafts';
import { settingFields } from './settingFields';

/** Every setting as its input holds it, plus whether all of them can be saved and the values to save. */
export const useSettingDrafts = (settings: BillingSettings) => {
  const [drafts, setDrafts] = useState<Record<string, SettingDraft>>(() =>
    Object.fromEntries(settingFields.map((field) => [field.key, toDraft(field, settings[field.key])])),
  );
  const valid = settingFields.every((field) => draftError(field, drafts[field.key]) === undefined);
  const values = () =>
    Object.fromEntries(settingFields.map((field) => [field.key, fromDraft(field, drafts[field.key])])) as unknown as BillingSettings;
  const set = (key: string, value: SettingDraft) => setDrafts((current) => ({ ...current, [key]: value }));
  return { drafts, set, valid, values };
};
