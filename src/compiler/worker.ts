/** A worker of src/compiler/workers.ts: does its share of a compile into the cache, and says how it ended. */
import { parentPort, workerData } from 'node:worker_threads';
import { compileShare, type CompileOptions, type Share } from './index.ts';
import { ContentErrors } from './problems.ts';

const { options, share } = workerData as { options: CompileOptions; share: Share };
try {
  compileShare(options, share);
  parentPort?.postMessage({});
} catch (error) {
  // The content's own problems are the build's compile's to report, with every other one.
  parentPort?.postMessage(error instanceof ContentErrors ? {} : { failure: error instanceof Error ? error.message : String(error) });
}
