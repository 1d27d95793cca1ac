// Report a problem: category, the category's questions, description, place (map, GPS or the photo's
// position), photos, optional contact; open reports of the same category within 50 m are offered
// for support first, so that one problem is not filed twice.
import {h, mount, field} from '/web/dom.js';
import {cityMap, metres} from '/web/map.js';
import {attributeFields} from '/web/attributes.js';
import {open311, portal, urlId, publicServices} from '../api.js';
import {t, lang, day} from '../i18n.js';
import {say, sayError, go, fieldErrors} from '../ui.js';
import {gpsPosition} from '../exif.js';

const NEAR_METRES = 50;
const MAX_PHOTOS = 5;

export async function reportScreen(root) {
  mount(root, h('h1', {}, t('report')), h('p', {}, t('reportHint')));
  let services;
  try {
    services = await publicServices(lang());
  } catch (err) { sayError(err); return; }

  const category = h('select', {required: true}, h('option', {value: ''}, '—'),
    services.map((s) => h('option', {value: s.service_code}, s.service_name)));
  const questions = h('div', {});
  let answers = attributeFields(null, 'attr');
  const description = h('textarea', {maxlength: 4000, rows: 4});
  const lat = h('input', {type: 'number', step: 'any', min: -90, max: 90});
  const lon = h('input', {type: 'number', step: 'any', min: -180, max: 180});
  const address = h('input', {type: 'text', maxlength: 300, autocomplete: 'street-address'});
  const photos = h('input', {type: 'file', multiple: true, accept: 'image/jpeg,image/png,image/gif,image/webp'});
  const firstName = h('input', {type: 'text', maxlength: 100, autocomplete: 'given-name'});
  const lastName = h('input', {type: 'text', maxlength: 100, autocomplete: 'family-name'});
  const email = h('input', {type: 'email', maxlength: 254, autocomplete: 'email'});
  const phone = h('input', {type: 'tel', maxlength: 30, autocomplete: 'tel'});
  const nearby = h('section', {id: 'nearby', 'aria-live': 'polite'});
  const mapHolder = h('div', {});
  const outcome = h('div', {});

  const map = await cityMap({label: t('mapHelp'), onPick: (la, lo) => { lat.value = la; lon.value = lo; lookNearby(); }});
  mapHolder.append(map.element);
  const typed = () => { map.setPin(parseFloat(lat.value), parseFloat(lon.value)); lookNearby(); };
  lat.addEventListener('change', typed);
  lon.addEventListener('change', typed);

  category.addEventListener('change', async () => {
    answers = attributeFields(null, 'attr');
    mount(questions);
    if (category.value) {
      try {
        answers = attributeFields(await open311(`services/${category.value}`, {locale: lang()}), 'attr');
        mount(questions, answers.element);
      } catch (err) { sayError(err); }
    }
    lookNearby();
  });

  photos.addEventListener('change', async () => {
    if (photos.files.length > MAX_PHOTOS) { say(t('tooManyPhotos'), true); return; }
    for (const file of photos.files) {
      if (file.type !== 'image/jpeg') continue;
      const position = gpsPosition(await file.slice(0, 256 * 1024).arrayBuffer());
      if (position && !lat.value) {
        lat.value = position.lat.toFixed(6);
        lon.value = position.lon.toFixed(6);
        typed();
        say(t('photoPlace'));
        break;
      }
    }
  });

  async function lookNearby() {
    const la = parseFloat(lat.value);
    const lo = parseFloat(lon.value);
    if (!category.value || !Number.isFinite(la) || !Number.isFinite(lo)) { mount(nearby); return; }
    try {
      const open = await open311('requests', {service_code: category.value, status: 'open'});
      const near = open.filter((r) => Number.isFinite(r.lat) && metres(la, lo, r.lat, r.long) <= NEAR_METRES);
      map.setMarkers(near.map((r) => ({lat: r.lat, lon: r.long, title: `${r.service_request_id}: ${r.description}`,
        className: 'near'})));
      mount(nearby, near.length ? [h('h2', {}, t('nearby')), h('p', {class: 'hint'}, t('nearbyHint')),
        near.map((r) => h('div', {class: 'card near'},
          h('p', {}, h('strong', {}, r.service_request_id), ` — ${day(r.requested_datetime)}`),
          h('p', {}, r.description || ''), r.address ? h('p', {class: 'hint'}, r.address) : null,
          h('button', {type: 'button', class: 'secondary support', onclick: () => support(r.service_request_id)},
            t('support'))))] : []);
    } catch (err) { sayError(err); }
  }

  async function support(id) {
    try {
      await portal(`reports/${urlId(id)}/support`, new FormData());
      mount(outcome, h('div', {class: 'readout', role: 'status', tabindex: -1, id: 'supported'},
        h('p', {}, `${t('supported')} `, h('strong', {}, id)),
        h('p', {}, h('a', {href: `/portal/follow/${urlId(id)}`, onclick: (e) => { e.preventDefault(); go(`follow/${urlId(id)}`); }},
          t('followLink')))));
      outcome.firstChild.focus();
    } catch (err) { sayError(err); }
  }

  const errors = fieldErrors();
  // The parameter a refusal names, and the control that gave it.
  const controlOf = (name) => {
    const attribute = /^attribute\[([\w-]+)\]$/.exec(name);
    if (attribute) return document.getElementById(`attr-${attribute[1]}`);
    return {service_code: category, description, lat, long: lon, address_string: address, address_id: address,
      media: photos, first_name: firstName, last_name: lastName, email, phone}[name];
  };

  async function send(e) {
    e.preventDefault();
    errors.clear();
    if (!category.value) { errors.show(category, t('chooseCategory')); return; }
    if (photos.files.length > MAX_PHOTOS) { errors.show(photos, t('tooManyPhotos')); return; }
    const form = new FormData();
    const put = (name, value) => { if (value !== undefined && value !== null && String(value).trim() !== '') form.append(name, value); };
    put('service_code', category.value);
    put('description', description.value);
    put('lat', lat.value);
    put('long', lon.value);
    put('address_string', address.value);
    put('first_name', firstName.value);
    put('last_name', lastName.value);
    put('email', email.value);
    put('phone', phone.value);
    put('locale', lang());
    for (const [code, values] of Object.entries(answers.values())) values.forEach((v) => put(`attribute[${code}][]`, v));
    for (const file of photos.files) form.append('media', file, file.name);
    say(t('sending'));
    try {
      const [filed] = await portal('reports', form);
      const id = filed.service_request_id;
      const [request] = await open311(`requests/${urlId(id)}`);
      say('');
      mount(root, h('h1', {}, t('report')), h('div', {class: 'readout', id: 'filed', role: 'status', tabindex: -1},
        h('p', {}, t('filed')), h('p', {}, `${t('number')}: `, h('strong', {id: 'filed-number'}, id)),
        h('p', {}, `${t('deadline')}: `, h('strong', {id: 'filed-deadline'}, day(request.expected_datetime))),
        filed.service_notice ? h('p', {}, filed.service_notice) : null,
        h('p', {}, h('a', {id: 'follow-link', href: `/portal/follow/${urlId(id)}`,
          onclick: (ev) => { ev.preventDefault(); go(`follow/${urlId(id)}`); }}, t('followLink')))),
        h('p', {class: 'no-print'}, h('button', {type: 'button', id: 'print', class: 'secondary',
          onclick: () => window.print()}, t('print'))));
      document.getElementById('filed').focus();
    } catch (err) {
      const [name, message] = Object.entries(err.errors || {})[0] || [];
      const control = name && controlOf(name);
      if (control) errors.show(control, `${t('failed')} ${message}`);
      else sayError(err);
    }
  }

  mount(root, h('h1', {}, t('report')), h('p', {}, t('reportHint')), outcome,
    h('form', {onsubmit: send, novalidate: true},
      field('category', `${t('category')} (${t('required')})`, category), questions,
      field('description', t('description'), description),
      h('fieldset', {}, h('legend', {}, t('place')),
        h('div', {class: 'row'}, h('button', {type: 'button', class: 'secondary', id: 'gps', onclick: () => {
          if (!navigator.geolocation) { say(t('gpsFailed'), true); return; }
          navigator.geolocation.getCurrentPosition((p) => {
            lat.value = p.coords.latitude.toFixed(6);
            lon.value = p.coords.longitude.toFixed(6);
            typed();
          }, () => say(t('gpsFailed'), true), {timeout: 15000});
        }}, t('useGps'))),
        mapHolder, h('div', {class: 'row'}, field('lat', t('lat'), lat), field('lon', t('lon'), lon)),
        field('address', t('address'), address)),
      nearby,
      field('photos', t('photos'), photos),
      h('fieldset', {}, h('legend', {}, t('contact')), field('first-name', t('firstName'), firstName),
        field('last-name', t('lastName'), lastName), field('email', t('email'), email), field('phone', t('phone'), phone)),
      h('div', {class: 'row'}, h('button', {type: 'submit', id: 'send'}, t('send')))));
}
