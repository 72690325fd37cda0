import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatDate, formatDateTime } from '../../accounts/formatting';
import { DetailsDrawer } from '../../common/DetailsDrawer';
import { contractPdfUrl, contractSignatureUrl } from '../../dataProvider';
import type { Contract } from '../../types';
import { DetailList } from '../common/DetailList';
import { ContractDocument } from './ContractDocument';
import { ContractStateChip } from './ContractStateChip';
import { useContractDetail } from './useContracts';

const METHOD = { in_person: 'In person', link: 'By signing link' } as const;

/** One contract's details: the document, the signature and the signing record, and its signing requests. */
export const ContractDrawer = ({ contract, onClose }: { contract: Contract | null; onClose: () => void }) => {
  const { data: detail } = useContractDetail(contract?.id ?? null);
  return (
    <DetailsDrawer title={contract ? contract.name : null} onClose={onClose} width={560}>
      {contract && detail ? (
        <Stack spacing={2}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <ContractStateChip state={detail.state} />
            <Typography variant="body2" color="text.secondary">
              Contract {detail.id}
            </Typography>
            {detail.signedAt ? (
              <Button size="small" href={contractPdfUrl(detail.id)} download>
                Download signed PDF
              </Button>
            ) : null}
          </Stack>
          {detail.signedAt ? (
            <Box>
              <Typography variant="subtitle2" gutterBottom>
                Signature
              </Typography>
              <Box
                component="img"
                src={contractSignatureUrl(detail.id)}
                alt={`Signature of ${detail.signedBy}`}
                sx={{ maxWidth: 320, border: 1, borderColor: 'divider', bgcolor: '#fff' }}
              />
              <DetailList
                rows={[
                  ['Signed by', detail.signedBy ?? ''],
                  ['Email', detail.signerEmail ?? '—'],
                  ['Signed at', formatDateTime(detail.signedAt)],
                  ['How', detail.signingMethod ? METHOD[detail.signingMethod] : '—'],
                  ['Client address', detail.signerAddress ?? '—'],
                  ['Browser', detail.signerUserAgent ?? '—'],
                  ['Expires', detail.expiresOn ? formatDate(detail.expiresOn) : 'No fixed term'],
                  ['Signed PDF SHA-256', detail.signedPdfSha256 ?? '—'],
                ]}
              />
            </Box>
          ) : null}
          {detail.declinedAt ? (
            <Typography variant="body2">
              Declined {formatDateTime(detail.declinedAt)}
              {detail.declineReason ? `: ${detail.declineReason}` : ''}
            </Typography>
          ) : null}
          <Divider />
          <Typography variant="subtitle2">Document</Typography>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <ContractDocument html={detail.bodyHtml} />
          </Paper>
          <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            Document SHA-256 {detail.documentSha256}
          </Typography>
          {detail.requests.length ? (
            <>
              <Divider />
              <Typography variant="subtitle2">Signing requests</Typography>
              {detail.requests.map((r) => (
                <Typography key={r.id} variant="body2">
                  {formatDateTime(r.sentAt)} to {r.email}: {r.state}, {r.emailsSent} email{r.emailsSent === 1 ? '' : 's'}
                  {r.state === 'open' ? `, link open until ${formatDateTime(r.expiresAt)}` : ''} ({r.workflowId})
                </Typography>
              ))}
            </>
          ) : null}
        </Stack>
      ) : null}
    </DetailsDrawer>
  );
};
