import CheckIcon from '@mui/icons-material/Check';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Button from '@mui/material/Button';
import { useEffect, useState } from 'react';
import { useNotify } from 'react-admin';

/** Where the browser refuses the clipboard API (a page not served over HTTPS), the older copy command still works. */
const copyText = async (text: string): Promise<void> => {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('copy refused');
};

/** Copies a text to the clipboard and says so on the button for a moment; `what` names it for a screen reader. */
export const CopyButton = ({ text, what }: { text: string; what: string }) => {
  const notify = useNotify();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <Button
      size="small"
      aria-label={`Copy ${what}`}
      startIcon={copied ? <CheckIcon fontSize="small" /> : <ContentCopyIcon fontSize="small" />}
      onClick={() =>
        copyText(text).then(
          () => setCopied(true),
          () => notify('The browser would not copy it: select the text and copy it by hand', { type: 'warning' }),
        )
      }
      sx={{ flexShrink: 0 }}
    >
      {copied ? 'Copied' : 'Copy'}
    </Button>
  );
};
