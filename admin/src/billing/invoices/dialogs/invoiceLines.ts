import { parseMoneyInput } from '../../../money';
import type { InvoiceLineInput } from '../../../types';
import { isMoneyText } from '../../common/MoneyTextField';

/** One line of a hand-made invoice as typed: text until it is sent. */
export interface InvoiceLineDraft {
  key: number;
  serviceId: number | null;
  quantity: string;
  /** Major units; blank takes the service's price. */
  price: string;
  description: string;
}

let nextKey = 1;
export const blankLine = (): InvoiceLineDraft => ({ key: nextKey++, serviceId: null, quantity: '1', price: '', description: '' });

export const isQuantityText = (text: string): boolean => /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 100000;

export const isLineComplete = (line: InvoiceLineDraft): boolean =>
  line.serviceId !== null && isQuantityText(line.quantity) && isMoneyText(line.price, { optional: true });

export const toLineInput = (line: InvoiceLineDraft): InvoiceLineInput => ({
  serviceId: line.serviceId as number,
  quantity: Number(line.quantity),
  ...(line.price.trim() ? { price: parseMoneyInput(line.price) } : {}),
  ...(line.description.trim() ? { description: line.description.trim() } : {}),
});
