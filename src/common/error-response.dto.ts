import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALL_ERROR_CODES, type ErrorCode } from './errors-catalogue';

export class FieldErrorDto {
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ example: 'isEmail', description: 'The rule that failed' }) rule: string;
  @ApiProperty({ example: 'email must be an email' }) message: string;
}

/** The single error shape every route answers with. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'email must be an email (and 1 more problem in details).', description: 'The first problem, in a sentence' })
  message: string;
  @ApiProperty({ type: [FieldErrorDto] }) details: FieldErrorDto[];
  @ApiPropertyOptional({
    enum: ALL_ERROR_CODES,
    enumName: 'ErrorCode',
    example: 'invoice_frozen',
    description: 'A stable name for the rule a domain error broke, for programs to branch on; every value is listed here',
  })
  code?: ErrorCode;
  @ApiPropertyOptional({ example: 'b1946ac9-2f1c-4c7e-9d5a-3cf3c1b8f0aa' }) requestId?: string;
}
