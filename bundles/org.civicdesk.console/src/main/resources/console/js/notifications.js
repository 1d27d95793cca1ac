// What the request screen shows of the messages about a request (GET /requests/{number}/notifications) and who may
// write to the citizen from it. Plain functions of their inputs: the screen draws, this decides.

/**
 * Whether the logged-in account may reply to the citizen: whoever may change the request (the registry decides; this
 * only hides a form that would be refused): an administrator, a supervisor (they see their department's requests
 * only) or the assignee.
 */
export function mayReply(account, request) {
  if (!account || !request) return false;
  const roles = (account.roles || []).map((r) => r.toLowerCase());
  // A contractor works on its requests but never writes to a citizen in the city's name (R4).
  const staff = roles.some((r) => r !== 'contractor');
  return roles.includes('admin') || roles.includes('supervisor')
    || (staff && !!request.assignee && request.assignee === account.username);
}

/** Whether the account is a contractor and nothing more: it starts and resolves work, and no other status (R4). */
export function contractorOnly(account) {
  const roles = ((account && account.roles) || []).map((r) => r.toLowerCase());
  return roles.includes('contractor') && roles.every((r) => r === 'contractor');
}

/** The body of a reply as the events endpoint takes it, or null when there is nothing to send. */
export function replyBody(text) {
  const trimmed = (text || '').trim();
  return trimmed ? {kind: 'reply', text: trimmed} : null;
}

/**
 * One message as a line of the list: what it is, to whom, its state and, when it failed or waits for another
 * attempt, why. Unknown templates and states show as the API names them.
 */
export function notificationLine(n, t) {
  const label = (key, value) => {
    const text = t(`${key}.${value}`);
    return text === `${key}.${value}` ? value : text;
  };
  const parts = [label('templates', n.template), label('recipients', (n.recipientKind || '').toLowerCase()),
    label('states', (n.state || '').toLowerCase())];
  if (n.attemptCount) parts.push(`${t('attempts')}: ${n.attemptCount}`);
  const line = parts.join(' · ');
  return n.lastError && (n.state || '').toUpperCase() !== 'SENT' ? `${line} — ${n.lastError}` : line;
}
