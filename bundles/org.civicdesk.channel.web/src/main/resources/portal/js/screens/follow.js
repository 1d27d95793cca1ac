// Follow a request by its registration number: status, last change, the department, the public history.
import {h, mount, field} from '/web/dom.js';
import {open311, api, urlId} from '../api.js';
import {t, when, lang} from '../i18n.js';
import {sayError} from '../ui.js';
import {ratingPart} from './rating.js';

/** The city's own status as CivicDesk names it in the reader's language, else GeoReport's open or closed. */
export function statusLabel(name, openOrClosed, tr = t) {
  return name || (openOrClosed ? tr(`statuses.${openOrClosed}`) : '');
}

/**
 * The screen; `given` is a number or a tracking code from the address, and `rating` says the citizen came by the
 * satisfaction question's link: the rating form gets the focus.
 */
export function followScreen(root, given, {rating = false} = {}) {
  const number = h('input', {type: 'text', autocomplete: 'off', placeholder: '2026/000123',
    value: given ? given.replace('-', '/') : ''});
  const result = h('section', {id: 'follow-result', 'aria-live': 'polite'});

  /** A request of any type, by the tracking code its citizen got: status and dates only, nothing else. */
  async function track(code) {
    const r = await api(`track/${encodeURIComponent(code)}`);
    const rate = ratingPart(code, r, rating);
    mount(result, h('div', {class: 'card'}, h('h2', {}, r.number),
      h('dl', {}, h('dt', {}, t('status')), h('dd', {id: 'follow-status'}, statusLabel(r.statusName, null)),
        h('dt', {}, t('registeredOn')), h('dd', {}, when(r.registeredAt)),
        h('dt', {}, t('lastChange')), h('dd', {}, when(r.lastChangeAt)),
        h('dt', {}, t('deadline')), h('dd', {}, r.deadline)), rate));
    const first = rating && rate && rate.querySelector('input, [tabindex]');
    if (first) first.focus();
  }

  async function find(e) {
    if (e) e.preventDefault();
    const id = number.value.trim();
    if (!id) return;
    try {
      if (/^[A-Za-z0-9]{10}$/.test(id)) {
        await track(id.toUpperCase());
        return;
      }
      const [r] = await open311(`requests/${urlId(id)}`, {extensions: true, locale: lang()});
      const extended = r.extended_attributes || {};
      mount(result, h('div', {class: 'card'},
        h('h2', {}, `${r.service_request_id} — ${r.service_name || r.service_code}`),
        h('dl', {},
          h('dt', {}, t('status')), h('dd', {id: 'follow-status'}, statusLabel(extended.detailed_status_name, r.status)),
          r.status_notes ? [h('dt', {}, t('notes')), h('dd', {}, r.status_notes)] : null,
          h('dt', {}, t('registeredOn')), h('dd', {}, when(r.requested_datetime)),
          h('dt', {}, t('lastChange')), h('dd', {}, when(r.updated_datetime)),
          h('dt', {}, t('department')), h('dd', {}, r.agency_responsible || ''),
          r.address ? [h('dt', {}, t('where')), h('dd', {}, r.address)] : null),
        h('h3', {}, t('history')),
        h('ol', {class: 'history'}, (extended.notes || []).map((n) => h('li', {},
          `${when(n.datetime)} — ${t(`noteTypes.${n.type}`)}: ${statusLabel(n.status_name, null)}`,
          n.summary ? ` (${n.summary})` : '')))));
    } catch (err) {
      if (err.status === 404) mount(result, h('p', {}, t('notFound')));
      else sayError(err);
    }
  }

  mount(root, h('h1', {}, t('follow')), h('p', {class: 'hint'}, t('followHint')),
    h('form', {onsubmit: find}, field('follow-number', t('number'), number),
      h('div', {class: 'row'}, h('button', {type: 'submit', id: 'follow-find'}, t('find')))), result);
  if (given) find();
}
