import { safeHttpUrl, terminalText } from '../output/sanitise.ts';
import type { UpdateMessage } from './update-message.ts';

// Terminal text for one update message (`run`, `notify test`, the demo): the same content as
// email, every outside string through terminalText (no escape sequences, bidi or controls).

const t = (s: string, max = 400) => terminalText(s, { max });

export function renderTerminalUpdate(m: UpdateMessage): string {
  const width = Math.max(...m.facts.map((f) => f.label.length)) + 2;
  const lines = [`== ${t(m.headline, 200)}`];
  for (const c of m.changes) lines.push(`   * ${t(c)}`);
  for (const f of m.facts) lines.push(`   ${`${t(f.label, 40)}:`.padEnd(width)}${t(f.value)}`);
  for (const a of m.accounts) {
    const note = a.note ? ` (${a.note})` : '';
    lines.push(`   - ${t(a.source, 120)}: ${t(a.figures)}${note}, in ${t(a.outlet, 80)}`);
    for (const q of a.quotes.slice(0, 2)) lines.push(`       “${t(q)}”`);
  }
  for (const a of m.accusations) {
    const what = a.allegation ? `: ${t(a.allegation, 200)}` : '';
    lines.push(
      `   ! ${a.isNew ? 'New: ' : ''}${t(a.accuser, 100)} accuses ${t(a.accused, 100)}${what} (${t(a.outlet, 80)})`,
    );
    if (a.quote) lines.push(`       “${t(a.quote)}”`);
  }
  for (const s of m.sources) {
    const url = safeHttpUrl(s.url);
    lines.push(
      `   > ${t(s.outlet, 80)}${s.title ? `: ${t(s.title, 160)}` : ''}${url ? ` <${url}>` : ''}`,
    );
  }
  lines.push(`   (strikewatch message ${t(m.messageId, 64)}, version ${m.version})`);
  return lines.join('\n');
}
