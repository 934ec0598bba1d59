// Calling another party's account false accuses it of lying (GUIDELINES: "lying"): "the Syrian
// claim is incorrect and likely intentional misinformation", the coalition said; "Russia's claims
// about the strike were baseless". The speaker accuses the party whose account it is.

import type { AccusationSink, SentenceFrame } from './accusation-frame.ts';
import { allied, FALSE_VERDICT } from './accusation-patterns.ts';
import { resolveGeneric } from './actor-context.ts';
import { quoteOf } from './allegation.ts';

// After the party's name: its account, what the account is about, and the verdict on it.
const DISCREDITED_AFTER_RE = new RegExp(
  `^(?:'s|’s)?\\s+(?:own\\s+|latest\\s+|official\\s+)?(?:claims?|reports?|statements?|accounts?|allegations?|accusations?|figures|version|narrative|assertions?)\\b(?:\\s+(?:about|of|on|over|that)\\s+[^,.;"”]{0,60}?)?\\s+(?:is|are|was|were)\\s+(?:(?:\\w+ly|also|all|simply|completely|totally|nothing\\s+but)\\s+)*(?:(?:an?\\s+)?(?:\\w+ly\\s+)?(?:intentional|deliberate|outright|blatant|pure|total)\\s+)?(${FALSE_VERDICT})\\b`,
  'i',
);

function allegationOf(verdict: string): string {
  const v = verdict.toLowerCase().replace(/\s+/g, ' ');
  if (v === 'lies' || v === 'a lie') return 'lying';
  if (/information|propaganda/.test(v)) return `spreading ${v}`;
  if (/^fabrications?$/.test(v)) return 'making fabrications';
  return `making ${v} claims`;
}

/** Every speaker of the sentence who calls another party's account false. */
export function discreditedAccounts(f: SentenceFrame, sink: AccusationSink): void {
  if (f.denial) return;
  for (const h of f.hits) {
    if (f.found.includes(h)) continue;
    const m = DISCREDITED_AFTER_RE.exec(f.s.slice(h.end));
    if (!m) continue;
    for (const sp of f.speakers) {
      const actor = resolveGeneric(h, sp.actor, f.info);
      if (!actor || actor === sp.actor || allied(sp.actor, actor)) continue;
      const quote = quoteOf(f.s, Math.min(sp.end > 0 ? sp.index : h.index, h.index), h.end);
      sink.add(f.s, sp, actor, h, allegationOf(m[1] ?? ''), quote);
    }
  }
}
