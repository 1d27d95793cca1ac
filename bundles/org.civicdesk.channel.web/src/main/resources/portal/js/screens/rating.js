// The satisfaction question of a closed request (1–5 and an optional comment), answered once with the tracking
// code the citizen follows the request with. Each error is shown at its field and said on the status line.
import {h, mount} from '/web/dom.js';
import {portal} from '../api.js';
import {t} from '../i18n.js';
import {say} from '../ui.js';

const MAX_COMMENT = 1000;

/** The rating part of a tracked request's card: the form, the score already given, or nothing while it is open. */
export function ratingPart(code, tracked, focus) {
  if (!tracked.closed) return focus ? h('p', {id: 'rate-later', class: 'hint'}, t('rateLater')) : null;
  if (tracked.rated) return thanks(tracked.score);
  const part = h('section', {id: 'rating', class: 'rating', 'aria-labelledby': 'rate-title'});
  const scoreError = h('p', {id: 'rate-score-error', class: 'error', hidden: true});
  const commentError = h('p', {id: 'rate-comment-error', class: 'error', hidden: true});
  const scores = h('fieldset', {id: 'rate-scores', role: 'radiogroup', 'aria-labelledby': 'rate-question',
    'aria-describedby': 'rate-score-error'},
    h('legend', {id: 'rate-question'}, t('rateQuestion')),
    [1, 2, 3, 4, 5].map((n) => h('div', {class: 'choice'},
      h('input', {type: 'radio', name: 'score', id: `rate-score-${n}`, value: String(n)}),
      h('label', {for: `rate-score-${n}`}, `${n} — ${t(`scores.${n}`)}`))), scoreError);
  const comment = h('textarea', {id: 'rate-comment', rows: 3, maxlength: MAX_COMMENT,
    'aria-describedby': 'rate-comment-hint rate-comment-error'});
  const sendButton = h('button', {type: 'submit', id: 'rate-send'}, t('rateSend'));

  /** Shows the message at its field (the first field in error gets the focus) and says it for screen readers. */
  function showError(field, message) {
    const [error, control] = field === 'comment' ? [commentError, comment] : [scoreError, scores.querySelector('input')];
    error.textContent = message;
    error.hidden = false;
    (field === 'comment' ? comment : scores).setAttribute('aria-invalid', 'true');
    control.focus();
    say(message, true);
  }

  function clearErrors() {
    for (const error of [scoreError, commentError]) { error.textContent = ''; error.hidden = true; }
    scores.removeAttribute('aria-invalid');
    comment.removeAttribute('aria-invalid');
  }

  async function send(e) {
    e.preventDefault();
    clearErrors();
    const chosen = scores.querySelector('input:checked');
    if (!chosen) { showError('score', t('rateChoose')); return; }
    if (hasControl(comment.value)) { showError('comment', t('rateControl')); return; }
    const form = new FormData();
    form.append('code', code);
    form.append('score', chosen.value);
    form.append('comment', comment.value);
    sendButton.disabled = true;
    try {
      const rated = await portal('ratings', form);
      mount(part, thanks(rated.score));
      say(t('rateThanks'));
      part.querySelector('p').focus();
    } catch (err) {
      sendButton.disabled = false;
      const field = err.errors && Object.keys(err.errors)[0];
      if (err.status === 409) showError('score', t('rateConflict'));
      else if (field === 'comment') showError('comment', t('rateCommentWrong'));
      else if (field === 'score') showError('score', t('rateChoose'));
      else showError('score', `${t('failed')} ${err.message}`);
    }
  }

  mount(part, h('h3', {id: 'rate-title'}, t('rateTitle')),
    h('form', {id: 'rate-form', novalidate: true, onsubmit: send}, scores,
      h('div', {}, h('label', {for: 'rate-comment'}, t('rateComment')), comment,
        h('p', {id: 'rate-comment-hint', class: 'hint'}, t('rateCommentHint')), commentError),
      h('div', {class: 'row'}, sendButton)));
  return part;
}

/** A control character other than a line break or a tab: refused by the server as by every CivicDesk text. */
function hasControl(text) {
  return [...text].some((c) => {
    const n = c.codePointAt(0);
    return (n < 32 && n !== 9 && n !== 10 && n !== 13) || (n >= 127 && n < 160);
  });
}

function thanks(score) {
  return h('p', {id: 'rated', class: 'readout', tabindex: '-1'}, `${t('rated')} ${score}/5. ${t('rateThanks')}`);
}
