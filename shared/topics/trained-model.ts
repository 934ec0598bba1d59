// The committed weights of the coalition-strike topic model, validated once at load. Written by
// `npm run train:topic`; a unit test checks they are what that training produces. Imported as
// JSON so the Lambda bundles carry it without a file read.

import weights from './coalition-model.json' with { type: 'json' };
import { type CoalitionModel, coalitionModelSchema } from './coalition-model.ts';

export const COALITION_MODEL: CoalitionModel = coalitionModelSchema.parse(weights);
