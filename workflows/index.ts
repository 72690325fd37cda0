export { auditExportWorkflow } from './audit-export.workflow';
export { autopayRunWorkflow, dailyAutopayWorkflow } from './autopay-run.workflow';
export { billRunWorkflow } from './bill-run.workflow';
export { dailyBillingWorkflow } from './daily-billing.workflow';
export { emailDeliveryWorkflow } from './email-delivery.workflow';
export { emailDispatchWorkflow } from './email-dispatch.workflow';
export { scheduledEventWorkflow } from './scheduled-event.workflow';
export { stripeEventWorkflow } from './stripe-event.workflow';
