import { groupArticleClaims } from '../incidents/group-claims.ts';
import { hashId } from '../incidents/identity.ts';
import { planIncidentUpdate } from '../incidents/plan-incident.ts';
import { type UpdateMessage, updateMessage } from './update-message.ts';

// The message `strikewatch notify test` sends (issue 14 item 5): a real incident update built by
// the real model and renderers from a made-up report, marked as a test everywhere a reader looks,
// so an operator sees the channel work before the first incident. Its id depends on the time it
// is made, so each test run is a new message.

const SENTENCE =
  'This is a test: at least 3 people were reported killed in an example strike on Monday, an example monitor said.';

export function sampleUpdateMessage(now: string): UpdateMessage {
  const day = now.slice(0, 10);
  const { incidents } = groupArticleClaims({
    article: {
      articleId: `notify-test-${now}`,
      url: 'https://example.org/strikewatch-test',
      title: 'strikewatch test message',
      outlet: 'strikewatch',
      publishedAt: now,
      seenAt: now,
    },
    storyId: `notify-test-${now}`,
    storyDate: day,
    topics: [],
    claims: {
      casualties: [
        {
          count: 3,
          max: null,
          outcome: 'killed',
          victims: 'people',
          qualifier: 'at_least',
          background: false,
          source: 'Example monitor',
          place: 'Exampletown',
          date: day,
          dateBasis: 'stated',
          perpetrator: null,
          perpetratorName: null,
          quote: SENTENCE,
        },
      ],
      accusations: [],
    },
  });
  const report = incidents[0];
  if (!report) throw new Error('the sample report makes no incident');
  const plan = planIncidentUpdate(null, report, { topicActors: null });
  if (!plan.update) throw new Error('the sample report makes no update');
  const m = updateMessage(plan.next, plan.update);
  return {
    ...m,
    // Its own id per run: the outbox sends each (message, subscriber) once.
    messageId: hashId('test', now),
    headline: `[Test] ${m.headline}`.slice(0, 100),
    changes: ['This is a test message from strikewatch: your channel works. No incident happened.'],
  };
}
