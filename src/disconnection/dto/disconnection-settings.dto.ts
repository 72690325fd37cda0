import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsPositive, ValidateIf } from 'class-validator';

export class DisconnectStatusOptionDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ example: '#607d8b' }) color: string;
  @ApiProperty({ description: 'Used when a disconnection names no status' }) isDefault: boolean;
}

export class DisconnectionSettingsDto {
  @ApiProperty({ nullable: true, type: Number, description: 'The status a disconnection uses when it names none' })
  defaultStatusId: number | null;
  @ApiProperty({ type: [DisconnectStatusOptionDto], description: 'Statuses a disconnection may use: those that do not count as active' })
  statuses: DisconnectStatusOptionDto[];
}

export class UpdateDisconnectionSettingsDto {
  @ApiProperty({ nullable: true, type: Number, description: 'A status that does not count as active, or null for none' })
  @ValidateIf((dto: UpdateDisconnectionSettingsDto) => dto.defaultStatusId !== null)
  @IsInt()
  @IsPositive()
  defaultStatusId: number | null;
}
