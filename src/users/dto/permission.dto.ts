import { ApiProperty } from '@nestjs/swagger';

export class PermissionDto {
  @ApiProperty({ example: 'users.manage' }) id: string;
  @ApiProperty() description: string;
}
