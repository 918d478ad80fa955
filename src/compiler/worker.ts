/** A process of src/compiler/workers.ts: does its share of a compile into the cache, says how it ended, and exits. */
import { compileShare, type CompileOptions, type Share } from './index.ts';
import { ContentErrors } from './problems.ts';

process.once('message', ({ options, share }: { options: CompileOptions; share: Share }) => {
  let result: { failure?: string } = {};
  try {
    compileShare(options, share);
  } catch (error) {
    // The content's own problems are the build's compile's to report, with every other one.
    if (!(error instanceof ContentErrors)) result = { failure: error instanceof Error ? error.message : String(error) };
  }
  process.send!(result, () => process.exit(0));
});
