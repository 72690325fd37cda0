import { join } from 'node:path';

export const workflowBundlePath = () => join(process.env.TEST_SCRATCH_DIR!, 'workflow-bundle.js');
