// Local polls and referendums: vote once, with your CNP and the PIN you got at the front desk;
// the results are shown only once a poll has closed.
import {h, mount, field} from '/web/dom.js';
import {api, portal} from '../api.js';
import {t, lang, when} from '../i18n.js';
import {sayError} from '../ui.js';

export async function pollsScreen(root) {
  mount(root, h('h1', {}, t('polls')));
  let polls;
  try {
    polls = await api('polls', {lang: lang()});
  } catch (err) { sayError(err); return; }
  const cards = [];
  for (const poll of polls) {
    const card = h('section', {class: 'card poll', id: `poll-${poll.id}`, 'aria-labelledby': `poll-title-${poll.id}`},
      h('h2', {id: `poll-title-${poll.id}`}, poll.question),
      h('p', {class: 'hint'}, `${when(poll.opensAt)} – ${when(poll.closesAt)} · ${t(`pollStates.${poll.state}`)}`));
    if (poll.state === 'open') card.append(voteForm(poll));
    if (poll.state === 'closed') card.append(await resultsOf(poll));
    cards.push(card);
  }
  mount(root, h('h1', {}, t('polls')), h('p', {class: 'hint'}, t('pollsHint')), cards.length ? cards : h('p', {}, t('noPolls')));
}

function voteForm(poll) {
  const outcome = h('div', {role: 'status', 'aria-live': 'polite'});
  const choices = h('fieldset', {}, h('legend', {}, t('yourChoice')), poll.options.map((o, i) => h('div', {class: 'choice'},
    h('input', {type: 'radio', name: `choice-${poll.id}`, id: `choice-${poll.id}-${o.key}`, value: o.key, required: i === 0}),
    h('label', {for: `choice-${poll.id}-${o.key}`}, o.name))));
  const cnp = h('input', {type: 'text', inputmode: 'numeric', maxlength: 13, autocomplete: 'off', required: true});
  const pin = h('input', {type: 'password', inputmode: 'numeric', maxlength: 12, autocomplete: 'off', required: true});
  return h('form', {onsubmit: async (e) => {
    e.preventDefault();
    const chosen = choices.querySelector('input:checked');
    const form = new FormData();
    form.append('cnp', cnp.value.trim());
    form.append('pin', pin.value.trim());
    form.append('option', chosen ? chosen.value : '');
    try {
      await portal(`polls/${poll.id}/votes`, form);
      mount(outcome, h('p', {class: 'readout', id: `voted-${poll.id}`}, t('voted')));
      pin.value = '';
    } catch (err) {
      mount(outcome, h('p', {class: 'error', id: `vote-error-${poll.id}`},
        err.status === 409 ? t('votedAlready') : err.status === 403 ? err.message : `${t('failed')} ${err.message}`));
    }
  }}, choices, field(`cnp-${poll.id}`, t('cnp'), cnp), field(`pin-${poll.id}`, t('pin'), pin),
  h('p', {class: 'hint'}, t('pinHint')),
  h('div', {class: 'row'}, h('button', {type: 'submit', id: `vote-${poll.id}`}, t('vote'))), outcome);
}

async function resultsOf(poll) {
  try {
    const results = await api(`polls/${poll.id}/results`);
    return h('table', {class: 'results'}, h('caption', {}, `${t('results')} (${results.total} ${t('votes')})`),
      h('tbody', {}, poll.options.map((o) => h('tr', {}, h('th', {scope: 'row'}, o.name),
        h('td', {}, String(results.votes[o.key] || 0))))));
  } catch (err) {
    return h('p', {class: 'hint'}, err.message);
  }
}
