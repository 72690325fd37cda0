import { transactionWithRetry } from '../database/transaction';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { PasswordHasher } from '../auth/password-hasher';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { CreateUserDto, UpdateUserDto, UserFilterDto, UserResponseDto, UserSortField } from './dto/user.dto';
import { Role } from './role.entity';
import { StaffUser } from './staff-user.entity';
import { UsersErrorCode } from './users.error-codes';

export function toUserResponse(user: StaffUser): UserResponseDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    active: user.active,
    roleIds: (user.roles ?? []).map((r) => r.id).sort((a, b) => a - b),
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

const SORT_COLUMNS: Record<UserSortField, string> = {
  id: 'u.id',
  email: 'u.email',
  name: 'u.name',
  active: 'u.active',
  createdAt: 'u.created_at',
  lastLoginAt: 'u.last_login_at',
};

/** Staff users. They are deactivated, never deleted, so the audit trail keeps its actors. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<UserFilterDto, UserSortField>): Promise<ListResult<UserResponseDto>> {
    const qb = this.db.getRepository(StaffUser).createQueryBuilder('u');
    const { q, active, roleId, id } = query.filter;
    if (q) qb.andWhere('(u.email LIKE :q OR u.name LIKE :q)', { q: `%${q.replace(/[%_\\]/g, '\\$&')}%` });
    if (active !== undefined) qb.andWhere('u.active = :active', { active });
    if (roleId) qb.andWhere('EXISTS (SELECT 1 FROM staff_user_roles r WHERE r.user_id = u.id AND r.role_id = :roleId)', { roleId });
    if (id?.length) qb.andWhere('u.id IN (:...ids)', { ids: id });
    qb.orderBy(SORT_COLUMNS[query.sort.field], query.sort.order).addOrderBy('u.id', query.sort.order).skip(query.offset).take(query.limit);
    const [page, total] = await qb.getManyAndCount();
    const withRoles = page.length
      ? await this.db.getRepository(StaffUser).find({ where: { id: In(page.map((u) => u.id)) }, relations: { roles: true } })
      : [];
    const byId = new Map(withRoles.map((u) => [u.id, u]));
    return new ListResult(
      'users',
      page.map((u) => toUserResponse(byId.get(u.id) ?? u)),
      total,
      query.offset,
    );
  }

  async get(id: number): Promise<UserResponseDto> {
    return toUserResponse(await this.load(this.db.manager, id));
  }

  async create(dto: CreateUserDto): Promise<UserResponseDto> {
    const passwordHash = await this.hasher.hash(dto.password);
    return transactionWithRetry(this.db, async (em) => {
      await this.assertEmailFree(em, dto.email);
      const roles = await this.loadRoles(em, dto.roleIds ?? []);
      const user = em.create(StaffUser, { email: dto.email, name: dto.name, passwordHash, active: dto.active ?? true, roles });
      await em.save(user);
      const after = toUserResponse(await this.load(em, user.id));
      await this.audit.recordAction(em, { action: 'create', entityType: 'staff_user', entityId: user.id, after: { ...after } });
      return after;
    });
  }

  async update(id: number, dto: UpdateUserDto): Promise<UserResponseDto> {
    const passwordHash = dto.password ? await this.hasher.hash(dto.password) : undefined;
    return transactionWithRetry(this.db, async (em) => {
      const user = await this.load(em, id, true);
      const before = toUserResponse(user);
      if (dto.email && dto.email !== user.email) await this.assertEmailFree(em, dto.email);
      if (dto.email !== undefined) user.email = dto.email;
      if (dto.name !== undefined) user.name = dto.name;
      if (dto.active !== undefined) user.active = dto.active;
      if (dto.roleIds !== undefined) user.roles = await this.loadRoles(em, dto.roleIds);
      if (passwordHash) user.passwordHash = passwordHash;
      await em.save(user);
      if (dto.active === false || passwordHash) await em.query('DELETE FROM staff_sessions WHERE user_id = ?', [id]);
      const after = toUserResponse(await this.load(em, id));
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'staff_user',
        entityId: id,
        before: { ...before },
        after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}) },
      });
      return after;
    });
  }

  async describe(user: AuthenticatedUser) {
    const full = await this.load(this.db.manager, user.id);
    return {
      id: full.id,
      email: full.email,
      name: full.name,
      permissions: [...user.permissions].sort(),
      roles: full.roles.map((r) => ({ id: r.id, name: r.name })),
    };
  }

  private async load(em: EntityManager, id: number, lock = false): Promise<StaffUser> {
    // Lock the bare row first: MySQL cannot lock one table of a joined SELECT.
    if (lock) await em.findOne(StaffUser, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const user = await em.findOne(StaffUser, { where: { id }, relations: { roles: true } });
    if (!user) throw new NotFoundException('User', id);
    return user;
  }

  private async assertEmailFree(em: EntityManager, email: string): Promise<void> {
    if (await em.existsBy(StaffUser, { email })) {
      throw new ConflictException(UsersErrorCode.EmailTaken, `A user with email ${email} already exists`, [
        { field: 'email', rule: 'unique', message: 'email is already used by another user' },
      ]);
    }
  }

  private async loadRoles(em: EntityManager, roleIds: number[]): Promise<Role[]> {
    if (!roleIds.length) return [];
    const roles = await em.findBy(Role, { id: In(roleIds) });
    const missing = roleIds.filter((id) => !roles.some((r) => r.id === id));
    if (missing.length) {
      throw new BadInputException([{ field: 'roleIds', rule: 'exists', message: `roles ${missing.join(', ')} do not exist` }]);
    }
    return roles;
  }
}
