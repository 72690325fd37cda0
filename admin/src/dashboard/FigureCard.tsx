import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link } from 'react-admin';

interface FigureCardProps {
  title: string;
  children: ReactNode;
  /** What the figure means, in a sentence. */
  caption?: ReactNode;
  /** Cards with a chart span two columns on wide screens. */
  wide?: boolean;
}

/** One card of the dashboard grid: a title, the figures, and a caption in plain words. */
export const FigureCard = ({ title, children, caption, wide }: FigureCardProps) => (
  <Card
    component="section"
    aria-label={title}
    variant="outlined"
    sx={{ gridColumn: wide ? { xs: 'auto', lg: 'span 2' } : 'auto', minWidth: 0, display: 'flex', flexDirection: 'column' }}
  >
    <CardContent sx={{ flex: 1 }}>
      <Typography variant="subtitle2" component="h2" color="text.secondary" gutterBottom>
        {title}
      </Typography>
      {children}
      {caption ? (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {caption}
        </Typography>
      ) : null}
    </CardContent>
  </Card>
);

interface FigureLinkProps {
  to: string;
  label: string;
  value: ReactNode;
  /** For tests and screen readers: which figure this is. */
  figure: string;
  detail?: ReactNode;
}

/** A figure that opens the list behind it. */
export const FigureLink = ({ to, label, value, figure, detail }: FigureLinkProps) => (
  <CardActionArea component={Link} to={to} data-figure={figure} sx={{ borderRadius: 1, px: 1, py: 0.5 }}>
    <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
      {label}
    </Typography>
    <Typography variant="h6" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }} data-value>
      {value}
    </Typography>
    {detail ? (
      <Typography variant="caption" color="text.secondary">
        {detail}
      </Typography>
    ) : null}
  </CardActionArea>
);
