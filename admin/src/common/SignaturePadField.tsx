import { Box, Button, Stack, Typography } from '@mui/material';
import SignaturePad from 'signature_pad';
import { useEffect, useRef } from 'react';

/**
 * A box to draw a signature in, with mouse, pen or finger (signature_pad). Reports the drawing as
 * a PNG data URL, or null while it is empty.
 */
export function SignaturePadField({ onChange, disabled = false }: { onChange: (png: string | null) => void; disabled?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    // Drawn at the screen's pixel density, so the signature is sharp in the PDF.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    element.width = element.offsetWidth * ratio;
    element.height = element.offsetHeight * ratio;
    element.getContext('2d')?.scale(ratio, ratio);
    const signaturePad = new SignaturePad(element, { penColor: '#111111', minWidth: 1, maxWidth: 2.8 });
    signaturePad.addEventListener('endStroke', () => onChange(signaturePad.isEmpty() ? null : signaturePad.toDataURL('image/png')));
    pad.current = signaturePad;
    return () => signaturePad.off();
  }, [onChange]);

  useEffect(() => {
    if (!pad.current) return;
    if (disabled) pad.current.off();
    else pad.current.on();
  }, [disabled]);

  return (
    <Stack spacing={1}>
      <Box
        component="canvas"
        ref={canvas}
        aria-label="Signature"
        data-testid="signature-pad"
        sx={{
          width: '100%',
          maxWidth: 520,
          height: 160,
          border: 1,
          borderColor: 'grey.400',
          borderRadius: 1,
          touchAction: 'none',
          bgcolor: '#fff',
        }}
      />
      <Stack direction="row" spacing={2} alignItems="center">
        <Button
          size="small"
          disabled={disabled}
          onClick={() => {
            pad.current?.clear();
            onChange(null);
          }}
        >
          Clear
        </Button>
        <Typography variant="caption" color="text.secondary">
          Draw your signature in the box.
        </Typography>
      </Stack>
    </Stack>
  );
}
