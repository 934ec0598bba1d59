import { WorkerExtractor } from '../../shared/extract/worker-extractor.ts';

// Imported first by the handler, for its side effect: in Lambda the extraction worker starts
// loading jsdom at once, on the other core, while the rest of the bundle (AWS SDK, Powertools)
// loads. Its limits come from the config later (configure).

export const extractor = new WorkerExtractor({ timeoutMs: 15_000 });
if (process.env.AWS_LAMBDA_FUNCTION_NAME) extractor.warm();
