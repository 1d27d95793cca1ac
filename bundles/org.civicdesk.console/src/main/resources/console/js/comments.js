// Who reads what staff write on a request: a status change's comment and a reply reach the citizen (the portal,
// Open311, the status e-mail); any other comment is a note for staff. Staff choose, every time they write one.

/** Whether the comment of a history event of this kind is read by the citizen. */
export function isPublicComment(kind) {
  return kind === 'status_changed' || kind === 'replied';
}

/**
 * What a status change sends: without a comment, the status alone; with one, the comment and who may read it —
 * null while the operator has not chosen (public or internal), so that nothing goes public unawares.
 */
export function statusChangeBody(status, comment, visibility) {
  const text = (comment || '').trim();
  if (!text) return {kind: 'status', status};
  if (visibility !== 'public' && visibility !== 'internal') return null;
  return {kind: 'status', status, comment: text, visibility};
}
