export interface BusinessHoursInterval {
  weekday: number;
  opens: string;
  closes: string;
}

export interface BusinessHours {
  id: 'week';
  timeZone: string;
  roundTheClock: boolean;
  hours: BusinessHoursInterval[];
  updatedAt: string | null;
}

export interface TicketHoliday {
  id: number;
  date: string;
  name: string;
}

export type TicketPriority = 'low' | 'medium' | 'high' | 'critical';

export interface DeadlineTarget {
  id: number;
  groupId: number | null;
  groupName: string | null;
  priority: TicketPriority;
  firstResponseSeconds: number | null;
  resolutionSeconds: number | null;
  raisePriorityOnBreach: boolean;
}

export const PRIORITIES: TicketPriority[] = ['low', 'medium', 'high', 'critical'];
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
