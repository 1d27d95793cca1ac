// How a request and its files went to the city's document management system (R10): queued, tried, delivered.

/** One hand-off as a line: the file (or the request's record), where it stands, its attempts and last failure. */
export function archiveLine(handOff, t) {
  const what = handOff.fileName || t('archiveRecord');
  const state = t(`archiveStates.${(handOff.state || '').toLowerCase()}`);
  const parts = [what, state];
  if (handOff.attempts) parts.push(`${t('attempts')}: ${handOff.attempts}`);
  if (handOff.state === 'DELIVERED' && handOff.reference) parts.push(`${t('archiveReference')}: ${handOff.reference}`);
  const line = parts.join(' · ');
  return handOff.lastError && handOff.state !== 'DELIVERED' ? `${line} — ${handOff.lastError}` : line;
}
