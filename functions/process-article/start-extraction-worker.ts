import { WorkerExtractor } from '../../shared/extract/worker-extractor.ts';
import { EXTRACTION_DEFAULTS } from '../../shared/ports/extractor.ts';
import { inLambda } from '../commons/lambda-context.ts';

// Imported by the handler before it loads the app: in Lambda the extraction worker starts loading
// jsdom at once, on the other core, while app.mjs (AWS SDK, Powertools, the pipeline) loads. Its
// limits come from the validated config later (configure); until then, the defaults.

export const extractor = new WorkerExtractor(EXTRACTION_DEFAULTS);
if (inLambda()) extractor.warm();
