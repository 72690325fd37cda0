import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The compiled workflows, next to the compiled API (dist/workflows, or workflows/ under ts-node). */
export const WORKFLOWS_PATH = join(__dirname, '..', '..', 'workflows');

/** Where the build writes the workflow code bundled for the worker's sandbox. */
export const PREBUILT_WORKFLOW_BUNDLE = join(__dirname, '..', '..', 'workflow-bundle.js');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/**
 * The bundle the build made, when it is at least as new as the workflow code it was
 * made from; null otherwise, and the worker bundles the code itself as it starts.
 * Bundling at build time is what Temporal advises for production: a worker then
 * starts in a second or two instead of running webpack first.
 */
export function prebuiltWorkflowBundle(): string | null {
  if (!existsSync(PREBUILT_WORKFLOW_BUNDLE) || !existsSync(WORKFLOWS_PATH)) return null;
  return statSync(PREBUILT_WORKFLOW_BUNDLE).mtimeMs >= newestMtime(WORKFLOWS_PATH) ? PREBUILT_WORKFLOW_BUNDLE : null;
}
