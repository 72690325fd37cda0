import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiQuery, getSchemaPath } from '@nestjs/swagger';

/** Documents the simple-REST list parameters, with the filter's own schema. */
export const ApiList = (filter: Type<unknown>) =>
  applyDecorators(
    ApiExtraModels(filter),
    ApiQuery({ name: 'sort', required: false, description: 'JSON ["field","ASC"|"DESC"]', example: '["id","DESC"]' }),
    ApiQuery({ name: 'range', required: false, description: 'JSON [start,end], inclusive, zero-based', example: '[0,24]' }),
    ApiQuery({
      name: 'filter',
      required: false,
      description: `JSON object, see ${filter.name}`,
      content: { 'application/json': { schema: { $ref: getSchemaPath(filter) } } },
    }),
  );
