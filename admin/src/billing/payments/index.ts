export { PaymentDetailsTab } from './PaymentDetailsTab';
export { ProcessorPaymentButton } from './ProcessorPaymentButton';
