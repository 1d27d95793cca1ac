// An appointment at a counter: pick a service, a day and a free time, then book it with the CNP and the PIN from the
// front desk. Each error is shown at its field and said on the status line; everything works with the keyboard alone.
import {h, mount, field} from '/web/dom.js';
import {api, send} from '../api.js';
import {t, lang, day} from '../i18n.js';
import {say} from '../ui.js';

/** Tomorrow in the reader's calendar, YYYY-MM-DD: the first day a citizen may pick. */
function tomorrow() {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function appointmentsScreen(root) {
  mount(root, h('h1', {}, t('appointments')));
  let services;
  try {
    services = await api('appointments/services', {lang: lang()});
  } catch (err) {
    mount(root, h('h1', {}, t('appointments')), h('p', {id: 'appt-unavailable'},
      err.status === 404 ? t('apptUnavailable') : `${t('failed')} ${err.message}`));
    return;
  }
  const errors = {};
  const errorOf = (name) => (errors[name] = h('p', {id: `appt-${name}-error`, class: 'error', hidden: true}));
  const service = h('select', {'aria-describedby': 'appt-service-error'},
    services.map((s) => h('option', {value: s.code}, `${s.name} — ${s.counter}`)));
  const date = h('input', {type: 'date', min: tomorrow(), value: tomorrow(), required: true,
    'aria-describedby': 'appt-date-hint appt-date-error'});
  const times = h('fieldset', {id: 'appt-times', 'aria-describedby': 'appt-start-error'},
    h('legend', {}, t('apptTime')), h('p', {class: 'hint'}, t('apptPickDay')));
  const cnp = h('input', {type: 'text', inputmode: 'numeric', maxlength: 13, autocomplete: 'off',
    'aria-describedby': 'appt-cnp-error'});
  const pin = h('input', {type: 'password', inputmode: 'numeric', maxlength: 12, autocomplete: 'off',
    'aria-describedby': 'appt-pin-hint appt-pin-error'});
  const outcome = h('div', {id: 'appt-outcome'});
  const book = h('button', {type: 'submit', id: 'appt-book'}, t('apptBook'));
  const controls = {service, date, start: times, cnp, pin};

  function clearErrors() {
    for (const [name, error] of Object.entries(errors)) {
      error.textContent = '';
      error.hidden = true;
      controls[name].removeAttribute('aria-invalid');
    }
  }

  /** Shows the message at its field, moves the focus there and says it for screen readers. */
  function showError(name, message) {
    const error = errors[name] || errors.start;
    const control = controls[name] || times;
    error.textContent = message;
    error.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    (control === times ? times.querySelector('input') || date : control).focus();
    say(message, true);
  }

  async function showTimes() {
    clearErrors();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.value)) { showError('date', t('apptDateWrong')); return; }
    let slots;
    try {
      slots = await api('appointments/slots', {service: service.value, from: date.value, to: date.value, lang: lang()});
    } catch (err) {
      showError(err.errors && err.errors.service ? 'service' : 'date', `${t('failed')} ${err.message}`);
      return;
    }
    const open = slots.filter((s) => s.free > 0);
    mount(times, h('legend', {}, `${t('apptTime')} — ${day(date.value)}`), open.length
      ? h('div', {class: 'choices'}, open.map((s, i) => h('div', {class: 'choice'},
        h('input', {type: 'radio', name: 'appt-start', id: `appt-slot-${i}`, value: s.start, dataset: {local: s.localStart}}),
        h('label', {for: `appt-slot-${i}`}, `${s.localStart.slice(11, 16)} (${s.free} ${t(s.free === 1 ? 'apptPlace' : 'apptPlaces')})`))))
      : h('p', {id: 'appt-none'}, slots.length ? t('apptFull') : t('apptClosed')), errors.start);
    say(open.length ? `${open.length} ${t('apptFound')}` : t(slots.length ? 'apptFull' : 'apptClosed'));
  }

  async function submit(e) {
    e.preventDefault();
    clearErrors();
    const chosen = times.querySelector('input:checked');
    if (!chosen) { showError('start', t('apptChoose')); return; }
    if (!/^\d{13}$/.test(cnp.value.trim())) { showError('cnp', t('apptCnpWrong')); return; }
    if (!pin.value.trim()) { showError('pin', t('apptPinMissing')); return; }
    book.disabled = true;
    try {
      const booked = await send('appointments', {service: service.value, start: chosen.value, cnp: cnp.value.trim(),
        pin: pin.value.trim()}, {lang: lang()});
      pin.value = '';
      mount(outcome, h('p', {id: 'appt-booked', class: 'readout', tabindex: '-1'},
        `${t('apptBooked')} ${booked.serviceName}, ${day(booked.localStart.slice(0, 10))} ${booked.localStart.slice(11, 16)}, `
        + `${booked.counter}.`));
      say(t('apptBooked'));
      outcome.querySelector('p').focus();
    } catch (err) {
      const name = err.errors && Object.keys(err.errors)[0];
      if (err.status === 403) showError('pin', t('apptWrongPin'));
      else if (err.status === 409) showError('start', t('apptTaken'));
      else if (name && controls[name]) showError(name, `${t('failed')} ${err.message}`);
      else showError('start', `${t('failed')} ${err.message}`);
    } finally {
      book.disabled = false;
    }
  }

  errorOf('service'); errorOf('date'); errorOf('start'); errorOf('cnp'); errorOf('pin');
  times.append(errors.start);
  service.addEventListener('change', showTimes);
  date.addEventListener('change', showTimes);
  mount(root, h('h1', {}, t('appointments')), h('p', {class: 'hint'}, t('apptHint')),
    services.length ? h('form', {id: 'appt-form', novalidate: true, onsubmit: submit},
      h('div', {}, field('appt-service', t('apptService'), service), errors.service),
      h('div', {}, field('appt-date', t('apptDay'), date), h('p', {id: 'appt-date-hint', class: 'hint'}, t('apptDayHint')),
        errors.date),
      h('div', {class: 'row'}, h('button', {type: 'button', id: 'appt-show', onclick: showTimes}, t('apptShow'))),
      times,
      h('div', {}, field('appt-cnp', t('cnp'), cnp), errors.cnp),
      h('div', {}, field('appt-pin', t('pin'), pin), h('p', {id: 'appt-pin-hint', class: 'hint'}, t('pinHint')), errors.pin),
      h('div', {class: 'row'}, book), outcome)
      : h('p', {}, t('apptNoServices')));
}
