export { TicketDeadlinesPage } from './TicketDeadlinesPage';

/** The ticket deadline settings page, at its own hash route under Settings. */
export const ticketDeadlinePages = {
  settings: '/ticket-deadlines',
} as const;
