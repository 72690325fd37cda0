import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import EditIcon from '@mui/icons-material/Edit';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@mui/icons-material/KeyboardArrowRight';
import StarBorderIcon from '@mui/icons-material/StarBorder';
import VpnKeyOutlinedIcon from '@mui/icons-material/VpnKeyOutlined';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Contact } from '../../types';
import { languageChoices } from './ContactInputs';

export type ContactAction = 'view' | 'edit' | 'portal' | 'delete' | 'primary';

interface ContactRowProps {
  contact: Contact;
  canManage: boolean;
  busy: boolean;
  onAction: (action: ContactAction, contact: Contact) => void;
}

const languageName = (code: string | null) => languageChoices.find((choice) => choice.id === code)?.name ?? code ?? '—';

/** A contact, its phone numbers one click away, and what can be done to it. */
export const ContactRow = ({ contact, canManage, busy, onAction }: ContactRowProps) => {
  const [expanded, setExpanded] = useState(false);
  const phonesId = `contact-${contact.id}-phones`;
  return (
    <>
      <TableRow
        aria-label={`Contact ${contact.name}`}
        hover
        // A click on the row opens the side panel; its own buttons keep their jobs.
        onClick={(event) => {
          if (!(event.target as HTMLElement).closest('button')) onAction('view', contact);
        }}
        sx={{ cursor: 'pointer', '& > td': { borderBottom: expanded ? 'none' : undefined } }}
      >
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            onClick={() => setExpanded(!expanded)}
            aria-expanded={expanded}
            aria-controls={phonesId}
            aria-label={`${expanded ? 'Hide' : 'Show'} phone numbers of ${contact.name}`}
          >
            {expanded ? <KeyboardArrowDownIcon /> : <KeyboardArrowRightIcon />}
          </IconButton>
        </TableCell>
        <TableCell>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <span>{contact.name}</span>
            {contact.isPrimary ? <Chip size="small" color="primary" label="Primary" /> : null}
          </Stack>
        </TableCell>
        <TableCell>{contact.role ?? '—'}</TableCell>
        <TableCell sx={{ overflowWrap: 'anywhere' }}>{contact.email ?? '—'}</TableCell>
        <TableCell>{languageName(contact.language)}</TableCell>
        <TableCell>{contact.portalUsername ?? '—'}</TableCell>
        <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
          {canManage ? (
            <>
              {/* Icons with their names on hover, so the row fits beside a long email at 1280 px. */}
              {!contact.isPrimary ? (
                <Tooltip title="Make primary">
                  <span>
                    <IconButton size="small" onClick={() => onAction('primary', contact)} disabled={busy} aria-label="Make primary">
                      <StarBorderIcon fontSize="small" />
                    </IconButton>
                  </span>
                </Tooltip>
              ) : null}
              <Tooltip title="Edit">
                <IconButton size="small" onClick={() => onAction('edit', contact)} aria-label={`Edit ${contact.name}`}>
                  <EditIcon fontSize="small" />
                </IconButton>
              </Tooltip>
              <Tooltip title="Portal login">
                <IconButton size="small" onClick={() => onAction('portal', contact)} aria-label={`Portal credentials of ${contact.name}`}>
                  <VpnKeyOutlinedIcon fontSize="small" />
                </IconButton>
              </Tooltip>
              <Tooltip title="Delete">
                <IconButton size="small" color="error" onClick={() => onAction('delete', contact)} aria-label={`Delete ${contact.name}`}>
                  <DeleteOutlineIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </>
          ) : null}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={7} sx={{ py: 0 }}>
          <Collapse in={expanded} unmountOnExit>
            <Stack id={phonesId} spacing={0.5} sx={{ py: 1, pl: 6 }}>
              {contact.phones.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  No phone numbers.
                </Typography>
              ) : (
                contact.phones.map((phone, index) => (
                  <Typography key={`${phone.number}-${index}`} variant="body2">
                    {phone.type}: {phone.number}
                    {phone.extension ? ` ext. ${phone.extension}` : ''}
                  </Typography>
                ))
              )}
            </Stack>
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
};
