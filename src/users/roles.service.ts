import { transactionWithRetry } from '../database/transaction';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Permission } from '../auth/permission';
import { ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { CreateRoleDto, RoleFilterDto, RoleResponseDto, UpdateRoleDto } from './dto/role.dto';
import { RolePermission } from './role-permission.entity';
import { Role } from './role.entity';
import { UsersErrorCode } from './users.error-codes';

@Injectable()
export class RolesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<RoleFilterDto, 'id' | 'name'>): Promise<ListResult<RoleResponseDto>> {
    const qb = this.db.getRepository(Role).createQueryBuilder('r');
    if (query.filter.q) qb.andWhere('r.name LIKE :q', { q: `%${query.filter.q.replace(/[%_\\]/g, '\\$&')}%` });
    if (query.filter.id?.length) qb.andWhere('r.id IN (:...ids)', { ids: query.filter.id });
    qb.orderBy(query.sort.field === 'name' ? 'r.name' : 'r.id', query.sort.order)
      .skip(query.offset)
      .take(query.limit);
    const [roles, total] = await qb.getManyAndCount();
    const items = await Promise.all(roles.map((r) => this.describe(this.db.manager, r.id)));
    return new ListResult('roles', items, total, query.offset);
  }

  get(id: number): Promise<RoleResponseDto> {
    return this.describe(this.db.manager, id);
  }

  async create(dto: CreateRoleDto): Promise<RoleResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.assertNameFree(em, dto.name);
      const role = await em.save(em.create(Role, { name: dto.name, description: dto.description ?? '' }));
      await this.replacePermissions(em, role.id, dto.permissions);
      const after = await this.describe(em, role.id);
      await this.audit.recordAction(em, { action: 'create', entityType: 'role', entityId: role.id, after: { ...after } });
      return after;
    });
  }

  async update(id: number, dto: UpdateRoleDto): Promise<RoleResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.lock(em, id);
      const before = await this.describe(em, id);
      if (dto.name !== undefined && dto.name !== before.name) await this.assertNameFree(em, dto.name);
      await em.update(
        Role,
        { id },
        { ...(dto.name !== undefined && { name: dto.name }), ...(dto.description !== undefined && { description: dto.description }) },
      );
      if (dto.permissions) await this.replacePermissions(em, id, dto.permissions);
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, { action: 'update', entityType: 'role', entityId: id, before: { ...before }, after: { ...after } });
      return after;
    });
  }

  async remove(id: number): Promise<RoleResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.lock(em, id);
      const before = await this.describe(em, id);
      if (before.userCount > 0) {
        throw new ConflictException(
          UsersErrorCode.RoleInUse,
          `Role "${before.name}" is held by ${before.userCount} user(s); take it from them first`,
        );
      }
      await em.delete(Role, { id });
      await this.audit.recordAction(em, { action: 'delete', entityType: 'role', entityId: id, before: { ...before } });
      return before;
    });
  }

  private async describe(em: EntityManager, id: number): Promise<RoleResponseDto> {
    const role = await em.findOne(Role, { where: { id }, relations: { permissions: true } });
    if (!role) throw new NotFoundException('Role', id);
    const [{ n }] = await em.query('SELECT COUNT(*) AS n FROM staff_user_roles WHERE role_id = ?', [id]);
    return {
      id: role.id,
      name: role.name,
      description: role.description,
      permissions: role.permissions.map((p) => p.permission).sort(),
      userCount: Number(n),
    };
  }

  private async lock(em: EntityManager, id: number): Promise<void> {
    const role = await em.findOne(Role, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!role) throw new NotFoundException('Role', id);
  }

  private async replacePermissions(em: EntityManager, roleId: number, permissions: Permission[]): Promise<void> {
    await em.delete(RolePermission, { roleId });
    if (permissions.length)
      await em.insert(
        RolePermission,
        permissions.map((permission) => ({ roleId, permission })),
      );
  }

  private async assertNameFree(em: EntityManager, name: string): Promise<void> {
    if (await em.existsBy(Role, { name })) {
      throw new ConflictException(UsersErrorCode.RoleNameTaken, `A role named "${name}" already exists`, [
        { field: 'name', rule: 'unique', message: 'name is already used by another role' },
      ]);
    }
  }
}
