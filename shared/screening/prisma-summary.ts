import type { ScreeningStats } from '../api/contract';

/** User text inside Markdown: characters that would format or link are escaped, line breaks become spaces. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

/**
 * The screening stage of a PRISMA 2020 flow diagram as a Markdown list (it reads as plain text
 * too): records identified and screened, excluded with each reason (E1… as the keys number them),
 * those left for full-text assessment, and the included.
 */
export function prismaSummary(stats: ScreeningStats, scope = 'this list'): string {
  const lines = [
    `**PRISMA 2020 — title and abstract screening** (${escapeMarkdown(scope)})`,
    '',
    `- Records identified: ${stats.identified}`,
    `- Records screened: ${stats.screened}${stats.undecided > 0 ? ` (${stats.undecided} not screened yet)` : ''}`,
    `- Records excluded: ${stats.excluded}`,
  ];
  for (const reason of stats.reasons) {
    if (reason.number !== undefined) lines.push(`  - E${reason.number} ${escapeMarkdown(reason.label)}: ${reason.count}`);
    else lines.push(`  - ${escapeMarkdown(reason.label)} (no longer in the criteria): ${reason.count}`);
  }
  if (stats.noReason > 0) lines.push(`  - No reason given: ${stats.noReason}`);
  lines.push(
    `- Reports sought for retrieval (included + maybe): ${stats.included + stats.maybe}`,
    `  - Included: ${stats.included}`,
    `  - Maybe (full text to decide): ${stats.maybe}`,
  );
  return `${lines.join('\n')}\n`;
}
