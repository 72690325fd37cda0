import { Injectable } from '@nestjs/common';
import { NotFoundException } from '../common/errors';
import { AccountFilesService } from '../files/account-files.service';
import { AccountTasksService } from '../notes/account-tasks.service';
import type { JobAttachmentKind } from './dto/job.dto';

/** An account task or file as a job shows it. */
export interface AttachmentTarget {
  accountId: number;
  title: string;
}

/** Reads the tasks and files a job points at through their owners' services (the tables are theirs). */
@Injectable()
export class AttachmentTargets {
  constructor(
    private readonly tasks: AccountTasksService,
    private readonly files: AccountFilesService,
  ) {}

  /** The task or file, or null when it does not exist. */
  async find(kind: JobAttachmentKind, id: number): Promise<AttachmentTarget | null> {
    try {
      if (kind === 'task') {
        const task = await this.tasks.get(id);
        return { accountId: task.accountId, title: task.title };
      }
      const file = await this.files.get(id);
      return { accountId: file.accountId, title: file.name };
    } catch (err) {
      if (err instanceof NotFoundException) return null;
      throw err;
    }
  }
}
