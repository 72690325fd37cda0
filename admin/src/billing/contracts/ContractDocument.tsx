import Box from '@mui/material/Box';

/** A contract's document as written: HTML the API sanitised when the template was saved and when the contract was written. */
export const ContractDocument = ({ html }: { html: string }) => (
  <Box
    className="contract-document"
    sx={{
      '& table': { borderCollapse: 'collapse', my: 1 },
      '& td, & th': { border: 1, borderColor: 'divider', px: 1, py: 0.5 },
      '& h1': { fontSize: '1.5rem' },
    }}
    dangerouslySetInnerHTML={{ __html: html }}
  />
);
