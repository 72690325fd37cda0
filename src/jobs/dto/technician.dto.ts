import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsOptional, IsPositive, IsString, Matches, MaxLength } from 'class-validator';
import { COLOR_PATTERN, OmittableNotNull } from './job-fields';

export class CreateTechnicianDto {
  @ApiProperty({ description: 'The staff user to make bookable' }) @IsInt() @IsPositive() userId: number;

  @ApiPropertyOptional({ example: '#43a047', default: '#43a047' })
  @IsOptional()
  @Matches(COLOR_PATTERN, { message: 'color must be #rrggbb' })
  color?: string;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateTechnicianDto {
  @ApiPropertyOptional({ example: '#43a047' })
  @OmittableNotNull()
  @Matches(COLOR_PATTERN, { message: 'color must be #rrggbb' })
  color?: string;

  @ApiPropertyOptional() @OmittableNotNull() @IsBoolean() active?: boolean;
}

export class TechnicianFilterDto {
  @ApiPropertyOptional({ description: 'Words in the name or email' }) @IsOptional() @IsString() @MaxLength(200) q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const TECHNICIAN_SORTABLE = ['name', 'id'] as const;
export type TechnicianSortField = (typeof TECHNICIAN_SORTABLE)[number];

export class TechnicianResponseDto {
  @ApiProperty({ description: 'The staff user id' }) id: number;
  @ApiProperty() userId: number;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ example: '#43a047' }) color: string;
  @ApiProperty({ description: 'Bookable; an inactive technician keeps the jobs already booked' }) active: boolean;
  @ApiProperty({ description: 'The staff user can log in' }) userActive: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}
