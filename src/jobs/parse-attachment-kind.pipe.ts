import { PipeTransform } from '@nestjs/common';
import { BadInputException } from '../common/errors';
import { JOB_ATTACHMENT_KINDS, type JobAttachmentKind } from './dto/job.dto';

/** The `:kind` of an attachment route: task or file. */
export class ParseAttachmentKindPipe implements PipeTransform<string, JobAttachmentKind> {
  transform(value: string): JobAttachmentKind {
    if (!(JOB_ATTACHMENT_KINDS as readonly string[]).includes(value)) {
      throw new BadInputException([{ field: 'kind', rule: 'isIn', message: `kind must be one of ${JOB_ATTACHMENT_KINDS.join(', ')}` }]);
    }
    return value as JobAttachmentKind;
  }
}
