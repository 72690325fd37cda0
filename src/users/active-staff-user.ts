import type { EntityManager } from 'typeorm';
import { StaffUser } from './staff-user.entity';

/** Whether a staff user exists and may still be given work (an assignee, an attendant). */
export function isActiveStaffUser(em: EntityManager, userId: number): Promise<boolean> {
  return em.existsBy(StaffUser, { id: userId, active: true });
}
