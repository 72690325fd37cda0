import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { type ReactNode, useId, useRef, useState } from 'react';
import { useNotify } from 'react-admin';
import { toApiProblem, type ApiProblem } from '../../dataProvider';

export interface ActionNotice {
  message: string;
  type: 'success' | 'info' | 'warning';
}

export interface ActionDialogProps {
  title: string;
  confirmLabel: string;
  confirmColor?: 'primary' | 'error' | 'warning';
  /**
   * Runs the action and returns the notice to show, a success unless it says otherwise (an
   * action that found nothing to do is information); a throw keeps the dialog open with the API's reason.
   */
  onConfirm: () => Promise<string | ActionNotice>;
  onClose: () => void;
  /** The confirm button stays disabled, e.g. while the input is not valid. */
  disabled?: boolean;
  maxWidth?: 'xs' | 'sm' | 'md' | 'lg';
  /** The failure as one sentence; without it, the API's sentence and its field messages. */
  describeProblem?: (error: unknown) => string;
  /**
   * The API's field names the dialog shows on its own inputs: their messages go to `children`
   * (then a function of them) instead of the list under the sentence.
   */
  inlineFields?: readonly string[];
  children: ReactNode | ((fieldErrors: Record<string, string>) => ReactNode);
}

/**
 * One dialog for every billing action: it confirms, runs the call once (a second
 * click while it runs does nothing), shows the API's reason on failure and closes
 * on success.
 */
export const ActionDialog = ({
  title,
  confirmLabel,
  confirmColor = 'primary',
  onConfirm,
  onClose,
  disabled,
  maxWidth = 'sm',
  describeProblem,
  inlineFields = [],
  children,
}: ActionDialogProps) => {
  const notify = useNotify();
  const titleId = useId();
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const confirm = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setProblem(null);
    try {
      const notice = await onConfirm();
      const { message, type } = typeof notice === 'string' ? { message: notice, type: 'success' as const } : notice;
      notify(message, { type });
      onClose();
    } catch (error) {
      setProblem(describeProblem ? { message: describeProblem(error), fields: {} } : toApiProblem(error));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  const fields = Object.entries(problem?.fields ?? {});
  const inline = Object.fromEntries(fields.filter(([field]) => inlineFields.includes(field)));

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth={maxWidth} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {typeof children === 'function' ? children(inline) : children}
        {problem ? (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {problem.message}
            {fields
              .filter(([field]) => !(field in inline))
              .map(([field, message]) => (
                <div key={field}>
                  {field}: {message}
                </div>
              ))}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="contained" color={confirmColor} onClick={() => void confirm()} disabled={busy || disabled}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
