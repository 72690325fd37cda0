import type { DataProvider } from 'react-admin';
import type { Contract, ContractTemplate } from '../types';
import { answer, api, type Schemas } from './apiClient';

const id = (value: number) => ({ params: { path: { id: value } } });
const everything = { page: 1, perPage: 1000 };

/** Contracts on an account and their templates (docs/contracts.md). */
export const contractMethods = (rest: DataProvider) => ({
  listContracts: async (accountId: number): Promise<Contract[]> =>
    (
      await rest.getList<Contract>('contracts', {
        filter: { accountId },
        sort: { field: 'createdAt', order: 'DESC' },
        pagination: everything,
      })
    ).data,
  fetchContract: (contractId: number) => answer(api.GET('/api/contracts/{id}', id(contractId))),
  addContract: (accountId: number, templateId: number) => answer(api.POST('/api/contracts', { body: { accountId, templateId } })),
  rewriteContract: (contractId: number, templateId?: number) =>
    answer(api.PUT('/api/contracts/{id}', { ...id(contractId), body: templateId === undefined ? {} : { templateId } })),
  deleteContract: (contractId: number) => answer(api.DELETE('/api/contracts/{id}', id(contractId))),
  signContractInPerson: (contractId: number, input: Schemas['SignInPersonDto']) =>
    answer(api.POST('/api/contracts/{id}/sign', { ...id(contractId), body: input })),
  sendContract: (contractId: number, contactId: number) =>
    answer(api.POST('/api/contracts/{id}/send', { ...id(contractId), body: { contactId } })),
  resendContract: (contractId: number) => answer(api.POST('/api/contracts/{id}/resend', id(contractId))),
  cancelContractRequest: (contractId: number) => answer(api.POST('/api/contracts/{id}/cancel', id(contractId))),
  listEnabledContractTemplates: async (): Promise<ContractTemplate[]> =>
    (
      await rest.getList<ContractTemplate>('contract-templates', {
        filter: { enabled: true },
        sort: { field: 'name', order: 'ASC' },
        pagination: everything,
      })
    ).data,
  fetchContractMergeFields: () => answer(api.GET('/api/contract-templates/merge-fields')),
  previewContractTemplate: (templateId: number, accountId: number, bodyHtml?: string) =>
    answer(
      api.POST('/api/contract-templates/{id}/preview', {
        ...id(templateId),
        body: { accountId, ...(bodyHtml !== undefined && { bodyHtml }) },
      }),
    ),
});
