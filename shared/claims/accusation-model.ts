// The committed weights of the accusation scorer, validated once at load. Written by
// `npm run train:accusations`; a unit test checks they are what that training produces. Imported
// as JSON so the Lambda bundles carry it without a file read.

import weights from './accusation-model.json' with { type: 'json' };
import { type AccusationModel, accusationModelSchema } from './accusation-scorer.ts';

export const ACCUSATION_MODEL: AccusationModel = accusationModelSchema.parse(weights);
