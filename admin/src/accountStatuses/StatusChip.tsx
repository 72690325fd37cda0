import Chip, { type ChipProps } from '@mui/material/Chip';

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** Black or white, whichever reads better on the colour (WCAG relative luminance). */
export const contrastText = (color: string): string => {
  if (!HEX_COLOR.test(color)) return '#000000';
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.179 ? '#000000' : '#ffffff';
};

export interface StatusChipProps extends Omit<ChipProps, 'label' | 'color'> {
  name: string;
  color?: string | null;
}

/** An account status as a chip in the status's own colour. */
export const StatusChip = ({ name, color, sx, ...rest }: StatusChipProps) => {
  const background = color && HEX_COLOR.test(color) ? color : undefined;
  return (
    <Chip
      size="small"
      label={name}
      sx={[background ? { bgcolor: background, color: contrastText(background) } : {}, ...(Array.isArray(sx) ? sx : [sx])]}
      {...rest}
    />
  );
};
