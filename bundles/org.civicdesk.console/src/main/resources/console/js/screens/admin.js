// Admin: what runs right now (refreshed while the screen is open), who works here, which request types exist.
import {get, post} from '../api.js';
import {h, mount} from '/web/dom.js';
import {t} from '../i18n.js';
import {hasRole} from '../session.js';
import {say, sayError} from '../ui.js';
import {staffAdministration} from './staff-admin.js';

const REFRESH_MS = 5000;
let refresher = null;

/** What a feature's row says of it now: installed or not, or the change under way. */
export function featureState(feature, tr) {
  if (feature.pending) return tr('featureStates.' + feature.pending);
  return feature.installed ? '✔ ' + tr('yes') : tr('no');
}

async function changeFeature(feature, refresh) {
  const install = !feature.installed;
  if (!confirm(t(install ? 'featureConfirm.install' : 'featureConfirm.uninstall', {name: feature.name}))) return;
  try {
    await post(`/system/features/${encodeURIComponent(feature.name)}/${install ? 'install' : 'uninstall'}`);
    say(t(install ? 'featureStates.installing' : 'featureStates.uninstalling') + ': ' + feature.name);
    refresh();
  } catch (err) { sayError(err); }
}

function featuresTable(features, refresh) {
  const admin = hasRole('admin');
  return h('table', {id: 'features-table'},
    h('tr', {}, [t('feature'), t('description'), t('installed'), admin ? t('featureChange') : null].filter(Boolean)
      .map((c) => h('th', {scope: 'col'}, c))),
    features.map((f) => h('tr', {dataset: {feature: f.name, installed: String(f.installed)}},
      h('td', {}, f.name), h('td', {}, f.description), h('td', {class: 'feature-state'}, featureState(f, t)),
      admin ? h('td', {}, f.optional && (!f.pending || f.pending === 'failed')
        ? h('button', {type: 'button', class: 'feature-change', onclick: () => changeFeature(f, refresh),
          'aria-label': `${f.installed ? t('uninstall') : t('install')}: ${f.name}`}, f.installed ? t('uninstall') : t('install'))
        : null) : null)));
}

export async function adminScreen() {
  const [features, staff] = await Promise.all([get('/system/features'), get('/staff')]);
  const featuresPanel = h('div', {'aria-live': 'polite'});
  const refresh = async () => {
    try { mount(featuresPanel, featuresTable(await get('/system/features'), refresh)); } catch { clearInterval(refresher); }
  };
  mount(featuresPanel, featuresTable(features, refresh));
  // Installing or removing a feature in the shell shows here without reloading the page.
  clearInterval(refresher);
  refresher = setInterval(async () => {
    if (!document.getElementById('features-table')) { clearInterval(refresher); return; }
    await refresh();
  }, REFRESH_MS);
  const administration = hasRole('admin') ? await staffAdministration(h('div', {id: 'staff-admin'})) : null;
  return h('div', {},
    h('h1', {}, t('admin')),
    h('div', {class: 'panel'}, h('h2', {}, t('installed')), featuresPanel),
    h('div', {class: 'panel'}, h('h2', {}, t('staff')), h('table', {id: 'staff-table'},
      h('tr', {}, [t('username'), t('name'), t('department'), t('roles'), t('enabled')].map((c) => h('th', {scope: 'col'}, c))),
      staff.map((a) => h('tr', {}, h('td', {}, a.username), h('td', {}, a.displayName), h('td', {}, a.department || '—'),
        h('td', {}, a.roles.map((r) => t('directory.roleNames.' + r.toLowerCase())).join(', ')),
        h('td', {}, a.enabled ? t('yes') : t('no')))))),
    // The request types, with their statuses, are in the administration (type-admin.js).
    administration);
}
