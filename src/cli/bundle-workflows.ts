import { writeFileSync } from 'node:fs';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { PREBUILT_WORKFLOW_BUNDLE, WORKFLOWS_PATH } from '../temporal/workflow-bundle';

/** Part of `npm run build`: bundles the compiled workflows once, so workers start without bundling. */
async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve(WORKFLOWS_PATH), logger: new DefaultLogger('WARN') });
  writeFileSync(PREBUILT_WORKFLOW_BUNDLE, code);
}

main().catch((err: unknown) => {
  process.stderr.write(`Bundling the workflows failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
