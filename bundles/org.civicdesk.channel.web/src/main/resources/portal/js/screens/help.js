// "What do I need for…": the city hall's knowledge base, searched without diacritics if need be.
import {h, mount, field} from '/web/dom.js';
import {api} from '../api.js';
import {t, lang} from '../i18n.js';
import {sayError} from '../ui.js';

export function helpScreen(root) {
  const question = h('input', {type: 'search', maxlength: 200});
  const answers = h('section', {id: 'answers', 'aria-live': 'polite'});

  async function search(e) {
    e.preventDefault();
    try {
      const found = await api('knowledge', {q: question.value, lang: lang()});
      mount(answers, found.length ? found.map((a) => h('article', {class: 'card'}, h('h2', {}, a.title), h('p', {}, a.summary),
        a.documents.length ? [h('h3', {}, t('documents')), h('ul', {}, a.documents.map((d) => h('li', {}, d)))] : null,
        a.steps.length ? [h('h3', {}, t('steps')), h('ol', {}, a.steps.map((s) => h('li', {}, s)))] : null,
        h('dl', {}, a.fees ? [h('dt', {}, t('fees')), h('dd', {}, a.fees)] : null,
          a.office ? [h('dt', {}, t('office')), h('dd', {}, a.office)] : null,
          a.hours ? [h('dt', {}, t('hours')), h('dd', {}, a.hours)] : null))) : h('p', {}, t('noAnswers')));
    } catch (err) { sayError(err); }
  }

  mount(root, h('h1', {}, t('help')), h('p', {class: 'hint'}, t('helpHint')),
    h('form', {onsubmit: search}, field('question', t('search'), question),
      h('div', {class: 'row'}, h('button', {type: 'submit', id: 'search'}, t('search')))), answers);
}
