import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Link from '@mui/material/Link';
import type { ReactNode } from 'react';
import { useGetList } from 'react-admin';
import { DetailList } from '../../billing/common/DetailList';
import { DetailsDrawer } from '../../common/DetailsDrawer';
import type { Contact } from '../../types';
import { formatDateTime } from '../formatting';
import { languageChoices } from './ContactInputs';

const languageName = (code: string | null) => languageChoices.find((choice) => choice.id === code)?.name ?? code ?? '—';

/** A contact in the side panel: how to reach them and which messages they get. */
export const ContactDrawer = ({ contact, onClose }: { contact: Contact | null; onClose: () => void }) => {
  const { data: categories = [] } = useGetList<{ id: number; name: string }>('message-categories', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
  });
  const rows: [string, ReactNode][] = contact
    ? [
        ['Role', contact.role ?? '—'],
        ['Primary contact', contact.isPrimary ? 'Yes' : 'No'],
        ['Email', contact.email ? <Link href={`mailto:${contact.email}`}>{contact.email}</Link> : '—'],
        [
          'Phones',
          contact.phones.length ? (
            <Stack component="span" spacing={0.25}>
              {contact.phones.map((phone, index) => (
                <span key={`${phone.number}-${index}`}>
                  {phone.type}: <Link href={`tel:${phone.number}`}>{phone.number}</Link>
                  {phone.extension ? ` ext. ${phone.extension}` : ''}
                </span>
              ))}
            </Stack>
          ) : (
            'None'
          ),
        ],
        ['Language', languageName(contact.language)],
        [
          'Message categories',
          contact.messageCategoryIds.length ? (
            <Stack component="span" direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {contact.messageCategoryIds.map((id) => (
                <Chip key={id} size="small" label={categories.find((category) => category.id === id)?.name ?? `Category ${id}`} />
              ))}
            </Stack>
          ) : (
            'None'
          ),
        ],
        ['Portal login', contact.portalUsername ?? 'None'],
        ['Added', formatDateTime(contact.createdAt)],
        ['Last changed', formatDateTime(contact.updatedAt)],
      ]
    : [];
  return (
    <DetailsDrawer title={contact ? contact.name : null} onClose={onClose}>
      <DetailList rows={rows} label="Contact details" />
    </DetailsDrawer>
  );
};
