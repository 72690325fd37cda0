import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { BadInputException, FieldError } from './errors';
import { shapeProblems } from './request-shape';

/** Turns class-validator's tree into flat `{field, rule, message}` entries. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknownField' : rule,
      message: rule === 'whitelistValidation' ? `${field} is not an accepted field` : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * class-validator, after a check of the body's shape against the DTO's documented
 * schema (see request-shape.ts), so a null or a misplaced array is a 400 naming
 * the field on every route at once, instead of a surprise in one service.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.metatype;
    if (metadata.type === 'body' && dto && this.toValidate(metadata)) {
      const problems = shapeProblems(value, dto);
      if (problems.length > 0) throw new BadInputException(problems);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new BadInputException(flattenValidationErrors(errors)),
  });
}
