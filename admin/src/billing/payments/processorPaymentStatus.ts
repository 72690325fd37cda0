import type { ProcessorPayment, ProcessorRefund } from './types';

type ChipColor = 'default' | 'success' | 'warning' | 'error';

export const PROCESSOR_PAYMENT_STATUS: Record<ProcessorPayment['status'], { label: string; color: ChipColor }> = {
  pending: { label: 'Pending', color: 'warning' },
  succeeded: { label: 'Paid', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
  refunded: { label: 'Refunded', color: 'default' },
  reversed: { label: 'Reversed', color: 'default' },
};

export const REFUND_STATUS: Record<ProcessorRefund['status'], { label: string; color: ChipColor }> = {
  requested: { label: 'Not sent yet', color: 'warning' },
  pending: { label: 'Pending', color: 'warning' },
  succeeded: { label: 'Refunded', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
  canceled: { label: 'Canceled', color: 'default' },
};
