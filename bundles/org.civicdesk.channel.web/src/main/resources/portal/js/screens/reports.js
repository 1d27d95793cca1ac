// The map of reports, filterable by category and status; the same reports as a table for screen readers.
import {h, mount, field} from '/web/dom.js';
import {cityMap} from '/web/map.js';
import {open311, urlId, publicServices} from '../api.js';
import {t, lang, day} from '../i18n.js';
import {sayError, go} from '../ui.js';

export async function reportsScreen(root) {
  let services = [];
  try {
    services = await publicServices(lang());
  } catch (err) { sayError(err); }
  const category = h('select', {}, h('option', {value: ''}, t('allCategories')),
    services.map((s) => h('option', {value: s.service_code}, s.service_name)));
  const status = h('select', {}, h('option', {value: 'open'}, t('statuses.open')),
    h('option', {value: 'closed'}, t('statuses.closed')), h('option', {value: ''}, t('anyStatus')));
  const map = await cityMap({label: t('reports')});
  const list = h('section', {'aria-live': 'polite'});

  async function load(e) {
    if (e) e.preventDefault();
    try {
      const found = await open311('requests', {service_code: category.value, status: status.value});
      const follow = (r) => () => go(`follow/${urlId(r.service_request_id)}`);
      map.setMarkers(found.map((r) => ({lat: r.lat, lon: r.long, title: `${r.service_request_id}: ${r.service_name}`,
        className: r.status, onSelect: follow(r)})));
      mount(list, h('h2', {}, t('listHeading')), found.length ? h('table', {id: 'reports-table'},
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('number')), h('th', {scope: 'col'}, t('what')),
          h('th', {scope: 'col'}, t('where')), h('th', {scope: 'col'}, t('when')), h('th', {scope: 'col'}, t('status')))),
        h('tbody', {}, found.map((r) => h('tr', {},
          h('td', {}, h('a', {href: `/portal/follow/${urlId(r.service_request_id)}`,
            onclick: (ev) => { ev.preventDefault(); follow(r)(); }}, r.service_request_id)),
          h('td', {}, r.service_name), h('td', {}, r.address || ''), h('td', {}, day(r.requested_datetime)),
          h('td', {}, t(`statuses.${r.status}`)))))) : h('p', {}, t('none')));
    } catch (err) { sayError(err); }
  }

  mount(root, h('h1', {}, t('reports')),
    h('form', {onsubmit: load, class: 'row'}, field('filter-category', t('category'), category),
      field('filter-status', t('status'), status), h('button', {type: 'submit', id: 'filter'}, t('filter'))),
    map.element, list);
  load();
}
