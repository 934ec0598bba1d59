// The incident model: see README.md in this folder for the record shapes and the rules.

export { isHigher, MAX_ACCOUNTS, primaryTally, sameValue, tallies } from './accounts.ts';
export { accusationFits } from './accusation-fit.ts';
export { chooseIncident, chooseIncidentForAccusation } from './choose-incident.ts';
export {
  type ArticleClaims,
  type GroupedClaims,
  groupArticleClaims,
  INCIDENT_KEY_PREFIX,
  mergeIncidentReports,
} from './group-claims.ts';
export {
  accusationIdFor,
  DATE_WINDOW_DAYS,
  incidentIdFor,
  messageIdFor,
  outboxIdFor,
  storyKey,
} from './identity.ts';
export { COALITION_ACTORS, sameParty, sourceKey } from './parties.ts';
export { placeKey, samePlace } from './place-key.ts';
export {
  accusationAsIncidentReport,
  chooseAccusationRecord,
  planAccusationUpdate,
} from './plan-accusation.ts';
export { isIdle, planArticle, type RecordFinder, type RecordPlan } from './plan-article.ts';
export { type PlanOptions, planIncidentUpdate } from './plan-incident.ts';
export { kindRank, MAX_REPORTS, MAX_UPDATES } from './tracked.ts';
export type * from './types.ts';
