import { sampleUpdateMessage } from '../../shared/alerts/sample-message.ts';
import type { UpdateAlert } from '../../shared/domain/records.ts';

// An outbox message for adapter and delivery tests: the sample update's message under a given id
// and time (what the pipeline stores for an incident update).

export function testAlert(alertId: string, createdAt: string): UpdateAlert {
  const message = { ...sampleUpdateMessage(createdAt), messageId: alertId, at: createdAt };
  return {
    alertId,
    kind: 'incident',
    recordId: message.recordId,
    recordKind: 'incident',
    version: message.version,
    createdAt,
    headline: message.headline,
    previousMessageIds: [],
    message,
    links: message.sources.map((s) => ({ title: s.title, url: s.url, outlet: s.outlet })),
    place: message.place,
    parties: [],
  };
}
