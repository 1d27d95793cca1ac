// Announcements and polls: what the city hall tells and asks its citizens on the portal and the phone.
import {get, post, query} from '../api.js';
import {h, mount, field} from '/web/dom.js';
import {t, lang, when} from '../i18n.js';
import {say, sayError} from '../ui.js';

/** A datetime-local value (the operator's clock) as an instant. */
const instant = (local) => (local ? new Date(local).toISOString() : null);

function announcementsPanel(announcements, reload) {
  const textRo = h('textarea', {required: true, maxlength: 1000, rows: 2});
  const textEn = h('textarea', {maxlength: 1000, rows: 2});
  const from = h('input', {type: 'datetime-local', required: true});
  const until = h('input', {type: 'datetime-local', required: true});
  const now = new Date();
  return h('div', {class: 'panel'}, h('h2', {}, t('announcements')),
    h('table', {id: 'announcements-table'},
      h('tr', {}, [t('text'), t('validFrom'), t('validUntil'), t('status'), ''].map((c) => h('th', {scope: 'col'}, c))),
      announcements.map((a) => {
        const shown = !a.withdrawn && new Date(a.validFrom) <= now && now < new Date(a.validUntil);
        return h('tr', {}, h('td', {}, a.texts.ro), h('td', {}, when(a.validFrom)), h('td', {}, when(a.validUntil)),
          h('td', {}, a.withdrawn ? t('withdrawn') : shown ? t('shownNow') : new Date(a.validUntil) <= now ? t('ended') : t('upcoming')),
          h('td', {}, a.withdrawn || new Date(a.validUntil) <= now ? null : h('button', {type: 'button', onclick: async () => {
            try { await post(`/announcements/${a.id}/withdraw`); say(t('withdrawn')); reload(); } catch (err) { sayError(err); }
          }}, t('withdraw'))));
      })),
    h('form', {id: 'announcement-form', onsubmit: async (e) => {
      e.preventDefault();
      try {
        await post('/announcements', {texts: {ro: textRo.value, en: textEn.value}, validFrom: instant(from.value),
          validUntil: instant(until.value)});
        say(t('published'));
        reload();
      } catch (err) { sayError(err); }
    }}, h('h3', {}, t('newAnnouncement')), field('ann-ro', t('textRo'), textRo), field('ann-en', t('textEn'), textEn),
    h('div', {class: 'row'}, field('ann-from', t('validFrom'), from), field('ann-until', t('validUntil'), until)),
    h('div', {class: 'row'}, h('button', {type: 'submit', id: 'ann-publish'}, t('publish')))));
}

function pollsPanel(polls, reload) {
  const questionRo = h('input', {type: 'text', required: true, maxlength: 500});
  const questionEn = h('input', {type: 'text', maxlength: 500});
  const options = h('textarea', {required: true, rows: 3, placeholder: 'Da / Yes\nNu / No'});
  const opens = h('input', {type: 'datetime-local', required: true});
  const closes = h('input', {type: 'datetime-local', required: true});
  const age = h('input', {type: 'number', min: 0, max: 120, value: 18});
  return h('div', {class: 'panel'}, h('h2', {}, t('polls')),
    h('table', {id: 'polls-table'},
      h('tr', {}, [t('question'), t('validFrom'), t('validUntil'), t('status')].map((c) => h('th', {scope: 'col'}, c))),
      polls.map((p) => h('tr', {}, h('td', {}, p.question), h('td', {}, when(p.opensAt)), h('td', {}, when(p.closesAt)),
        h('td', {}, t(`pollStates.${p.state}`))))),
    h('form', {id: 'poll-form', onsubmit: async (e) => {
      e.preventDefault();
      // One answer a line, "Romanian / English"; on the phone an answer's key is its position.
      const answers = options.value.split('\n').map((l) => l.trim()).filter(Boolean).map((line, i) => {
        const [ro, en] = line.split('/').map((s) => s.trim());
        return {key: String(i + 1), names: en ? {ro, en} : {ro}};
      });
      try {
        await post('/polls', {questions: {ro: questionRo.value, en: questionEn.value}, options: answers,
          opensAt: instant(opens.value), closesAt: instant(closes.value), minimumAge: Number(age.value)});
        say(t('published'));
        reload();
      } catch (err) { sayError(err); }
    }}, h('h3', {}, t('newPoll')), field('poll-ro', t('questionRo'), questionRo), field('poll-en', t('questionEn'), questionEn),
    field('poll-options', t('pollOptions'), options),
    h('div', {class: 'row'}, field('poll-opens', t('validFrom'), opens), field('poll-closes', t('validUntil'), closes),
      field('poll-age', t('minimumAge'), age)),
    h('div', {class: 'row'}, h('button', {type: 'submit', id: 'poll-create'}, t('publish')))));
}

export async function noticesScreen() {
  const holder = h('div', {});
  const reload = async () => {
    try {
      const [announcements, polls] = await Promise.all([get('/announcements?all=true'), get('/polls' + query({lang: lang()}))]);
      mount(holder, announcementsPanel(announcements, reload), pollsPanel(polls, reload));
    } catch (err) {
      mount(holder, h('p', {class: 'muted'}, err.status === 404 ? t('unavailable') : err.message));
    }
  };
  await reload();
  return h('div', {}, h('h1', {}, t('notices')), holder);
}
