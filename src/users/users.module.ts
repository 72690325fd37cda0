import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { RolePermission } from './role-permission.entity';
import { Role } from './role.entity';
import { RolesController } from './roles.controller';
import { RolesService } from './roles.service';
import { StaffUser } from './staff-user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffUser, Role, RolePermission])],
  controllers: [UsersController, RolesController],
  providers: [UsersService, RolesService, PasswordHasher],
  exports: [UsersService, RolesService, PasswordHasher],
})
export class UsersModule {}
