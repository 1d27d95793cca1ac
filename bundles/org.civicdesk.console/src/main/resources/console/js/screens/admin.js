// Admin: what this CivicDesk offers right now.
import {get, query} from '../api.js';
import {h} from '../dom.js';
import {t, lang} from '../i18n.js';

export async function adminScreen() {
  const types = await get('/request-types' + query({lang: lang()}));
  return h('div', {},
    h('h1', {}, t('admin')),
    h('div', {class: 'panel'}, h('h2', {}, t('requestTypes')), h('table', {id: 'types-table'},
      h('tr', {}, [t('type'), t('department'), t('sla'), t('status')].map((c) => h('th', {scope: 'col'}, c))),
      types.map((rt) => h('tr', {}, h('td', {}, `${rt.name} (${rt.code})`), h('td', {}, rt.department), h('td', {}, rt.slaDays),
        h('td', {}, rt.statuses.join(' → ')))))));
}
