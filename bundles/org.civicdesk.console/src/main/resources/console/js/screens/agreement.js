import {post, query} from '../api.js';
import {h} from '/web/dom.js';
import {t, lang} from '../i18n.js';

/** The agreement's plain text as paragraphs, a run of lines starting with "- " as a list. */
function paragraphs(text) {
  return text.split(/\n\s*\n/).map((block) => {
    const lines = block.split('\n').map((line) => line.trim()).filter((line) => line);
    return lines.every((line) => line.startsWith('- '))
      ? h('ul', {}, ...lines.map((line) => h('li', {}, line.slice(2))))
      : h('p', {}, lines.join(' '));
  });
}

/**
 * The confidentiality agreement a staff member accepts before any citizen data (R20): its text, in the console's
 * language, and one button; accepted() is called once the acceptance is recorded.
 */
export function agreementScreen(agreement, accepted) {
  const error = h('p', {role: 'alert', class: 'overdue', id: 'agreement-error'});
  const heading = h('h1', {tabindex: '-1', id: 'agreement-title'}, t('agreementTitle'));
  const accept = h('button', {type: 'button', id: 'agreement-accept', onclick: async () => {
    error.textContent = '';
    accept.disabled = true;
    try {
      await post('/me/agreement' + query({lang: lang()}), {version: agreement.version});
      accepted();
    } catch (err) {
      accept.disabled = false;
      error.textContent = err.status === 409 ? t('agreementChanged') : err.message;
    }
  }}, t('agreementAccept'));
  const screen = h('section', {class: 'panel agreement', 'aria-labelledby': 'agreement-title'},
    heading,
    h('p', {class: 'muted'}, t('agreementWhy'), ' ', t('agreementVersion', {version: agreement.version})),
    h('div', {class: 'agreement-text', id: 'agreement-text', lang: agreement.language}, ...paragraphs(agreement.text)),
    error,
    h('div', {class: 'row'}, accept));
  setTimeout(() => heading.focus(), 0);
  return screen;
}
