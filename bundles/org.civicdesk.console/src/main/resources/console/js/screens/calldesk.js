// The call desk: one contact from its start to its close, keyboard first (Alt + a letter, shown beside each step).
import {get, post, query} from '../api.js';
import {h, mount, field, debounce} from '/web/dom.js';
import {t, lang, when, day} from '../i18n.js';
import {say, sayError} from '../ui.js';
import {cityMap} from '/web/map.js';
import {attributeFields} from '/web/attributes.js';
import {phonePanel} from '../phone.js';
import {receiptLinks} from '../receipt.js';
import {loadChannels, channelName} from '../channels.js';
import {loadTypes, typeName, statusName} from '../request-types.js';

// By physical key (KeyboardEvent.code), so they work the same on a Romanian or an English layout.
const SHORTCUTS = {KeyN: 'start', KeyF: 'find', KeyV: 'verify', KeyK: 'knowledge', KeyR: 'request', KeyC: 'close'};
let shortcutHandler = null;

export async function callDeskScreen() {
  const state = {interaction: null, citizen: null, profile: null, verified: false, unidentified: false};
  const types = await loadTypes().catch(() => []);
  const channels = await loadChannels();

  const callPanel = h('section', {class: 'panel', 'aria-labelledby': 'call-title'});
  const findPanel = h('section', {class: 'panel', 'aria-labelledby': 'find-title'});
  const profilePanel = h('section', {'aria-live': 'polite'});
  const knowledgePanel = h('section', {class: 'panel', 'aria-labelledby': 'kb-title'});
  const requestPanel = h('section', {class: 'panel', 'aria-labelledby': 'request-title'});
  const actions = {};

  // ---- the call
  const channel = h('select', {}, ...channels.map((c) => h('option', {value: c.id, selected: c.id === 'phone'}, c.name)));
  const outcome = h('select', {}, ...Object.keys(t('outcomes')).map((o) => h('option', {value: o}, t('outcomes.' + o))));
  const remarks = h('textarea', {maxlength: 2000, rows: 2});

  async function startCall() {
    if (state.interaction && state.interaction.open) return state.interaction;
    try {
      state.interaction = await post('/interactions', {channel: channel.value});
      renderCall();
      search.focus();
    } catch (e) { sayError(e); }
    return state.interaction;
  }

  async function closeCall() {
    if (!state.interaction) return;
    try {
      await post(`/interactions/${state.interaction.id}/close`, {outcome: outcome.value, remarks: remarks.value});
      say(t('callClosed'));
      Object.assign(state, {interaction: null, citizen: null, profile: null, verified: false, unidentified: false});
      remarks.value = '';
      search.value = '';
      mount(results);
      renderCall(); renderProfile(); renderRequestForm();
      document.getElementById('call-start').focus();
    } catch (e) { sayError(e); }
  }

  function renderCall() {
    const i = state.interaction;
    if (i && i.requests.length) outcome.value = 'request_filed';
    mount(callPanel,
      h('h2', {id: 'call-title'}, t('callDesk')),
      i ? h('p', {id: 'call-state'}, `${t('callStarted')} ${when(i.startedAt)} · ${channelName(i.channel)}`
          + (i.requests.length ? ` · ${i.requests.join(', ')}` : ''))
        : h('p', {id: 'call-state', class: 'muted'}, t('noCall')),
      i ? [field('call-outcome', t('outcome'), outcome), field('call-remarks', t('remarks'), remarks),
          h('div', {class: 'row'}, h('button', {type: 'button', id: 'call-close', onclick: closeCall},
            t('closeCall'), ' ', h('kbd', {}, 'Alt+C')))]
        : [field('call-channel', t('channel'), channel),
          h('div', {class: 'row'}, h('button', {type: 'button', id: 'call-start', onclick: startCall},
            t('startCall'), ' ', h('kbd', {}, 'Alt+N')))]);
  }

  // ---- why the caller's data is read (R18): the contact on the line, and what the operator adds; audited with each read
  const purposeText = h('input', {type: 'text', autocomplete: 'off', maxlength: 200});
  const purpose = () => {
    const i = state.interaction;
    const contact = i ? `${t('reason')} · ${t('contactNo')} ${i.id} · ${channelName(i.channel)}` : t('reason');
    const typed = purposeText.value.trim();
    return typed ? `${contact} · ${typed}` : contact;
  };

  // ---- finding the caller
  const search = h('input', {type: 'search', autocomplete: 'off', 'aria-describedby': 'find-hint'});
  const results = h('ul', {class: 'results', id: 'find-results', 'aria-label': t('findCaller')});
  const runSearch = debounce(async () => {
    const text = search.value.trim();
    const params = {reason: purpose(), limit: 10};
    if (/^\d{13}$/.test(text)) params.cnp = text;
    else if (/^(RO)?\d{2,10}$/i.test(text)) params.cui = text;
    else if (text.length >= 3) params.q = text;
    else { mount(results, h('li', {class: 'muted'}, t('typeMore'))); return; }
    try {
      const page = await get('/citizens' + query(params));
      mount(results, page.items.length ? page.items.map((c) => h('li', {}, h('button', {type: 'button',
        class: 'citizen-result', onclick: () => chooseCitizen(c)},
        `${c.name} · ${c.nationalId} · ${c.address || ''}`))) : h('li', {class: 'muted'}, t('noResults')));
    } catch (e) { sayError(e); }
  }, 200);
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter') {
      const first = results.querySelector('button');
      if (first) { e.preventDefault(); if (e.key === 'Enter' && results.querySelectorAll('button').length === 1) first.click(); else first.focus(); }
    }
  });
  results.addEventListener('keydown', (e) => {
    const buttons = [...results.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' && at < buttons.length - 1) { e.preventDefault(); buttons[at + 1].focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); (at > 0 ? buttons[at - 1] : search).focus(); }
  });
  // A caller who will not or cannot say who they are: filed for where the type allows it, marked as such.
  async function fileUnidentified() {
    await startCall();
    Object.assign(state, {citizen: null, profile: null, verified: false, unidentified: true});
    renderProfile();
    renderRequestForm();
    const first = document.getElementById('req-type');
    if (first) first.focus();
  }
  mount(findPanel, h('h2', {id: 'find-title'}, t('findCaller'), ' ', h('kbd', {}, 'Alt+F')),
    field('find-purpose', t('purpose'), purposeText),
    field('find-input', t('search'), search), h('p', {id: 'find-hint', class: 'muted'}, t('typeMore')), results,
    h('div', {class: 'row'}, h('button', {type: 'button', class: 'secondary', id: 'find-unidentified',
      'aria-describedby': 'find-unidentified-help', onclick: fileUnidentified}, t('unidentified'))),
    h('p', {id: 'find-unidentified-help', class: 'muted'}, t('unidentifiedHelp')));

  async function chooseCitizen(citizen) {
    await startCall();
    try {
      state.citizen = citizen;
      state.verified = false;
      state.unidentified = false;
      state.profile = await get(`/citizens/${citizen.id}/profile` + query({reason: purpose(), lang: lang()}));
      renderProfile();
      renderRequestForm();
      const verify = document.getElementById('verify-yes');
      if (verify) verify.focus();
    } catch (e) { sayError(e); }
  }

  async function markVerified(verified) {
    try {
      state.interaction = await post(`/interactions/${state.interaction.id}/citizen`,
        {citizenId: state.citizen.id, verified});
      state.verified = verified;
      renderCall(); renderProfile(); renderRequestForm();
      if (verified) document.getElementById('profile-title').focus();
    } catch (e) { sayError(e); }
  }

  // ---- the 360° view, shown only once the caller is verified
  function renderProfile() {
    const p = state.profile;
    if (!p) { mount(profilePanel); return; }
    const c = p.citizen;
    const verifyPanel = h('div', {class: 'panel verify', id: 'verify-panel'},
      h('h2', {}, t('verifyTitle')), h('p', {}, `${c.name} · ${c.nationalId}`),
      state.verified ? h('p', {class: 'verified', id: 'verified-badge'}, '✔ ' + t('callerVerified')) : [
        h('p', {class: 'muted'}, t('verifyHint')),
        h('dl', {class: 'facts', id: 'verification-facts'}, p.verificationFacts.flatMap((f) =>
          [h('dt', {}, f.question), h('dd', {}, f.answer)])),
        h('div', {class: 'row'},
          h('button', {type: 'button', id: 'verify-yes', onclick: () => markVerified(true)}, t('verified'), ' ', h('kbd', {}, 'Alt+V')),
          h('button', {type: 'button', class: 'secondary', id: 'verify-no', onclick: () => markVerified(false)}, t('notVerified')))]);
    if (!state.verified) { mount(profilePanel, verifyPanel); return; }
    mount(profilePanel, verifyPanel,
      h('div', {class: 'panel', id: 'profile'},
        h('h2', {id: 'profile-title', tabindex: -1}, t('profile')),
        h('dl', {class: 'facts'}, h('dt', {}, t('address')), h('dd', {}, c.address || ''),
          c.phone ? [h('dt', {}, 'Tel.'), h('dd', {}, c.phone, state.phone ? [' ', h('button', {type: 'button', class: 'secondary',
            id: 'dial-citizen', onclick: () => post('/phone/dial', {number: c.phone}).then(() => say(t('phone.dialling')), sayError)},
            t('phone.callBack'))] : null)] : null, c.email ? [h('dt', {}, 'E-mail'), h('dd', {}, c.email)] : null),
        p.unavailableSources.length ? h('p', {class: 'overdue'}, `${t('unavailable')}: ${p.unavailableSources.join(', ')}`) : null,
        pinIssuer(c)),
      p.sections.map((s) => h('div', {class: 'panel profile-section', dataset: {source: s.source}},
        h('h2', {}, s.title), h('dl', {class: 'facts'}, s.facts.flatMap((f) => [h('dt', {}, f.label), h('dd', {}, f.value)])),
        s.source === 'taxes' ? taxDetail(c) : null)),
      h('div', {class: 'panel'}, h('h2', {}, t('pastRequests')), p.requests.length ? h('table', {},
        h('tr', {}, h('th', {}, t('number')), h('th', {}, t('type')), h('th', {}, t('status')), h('th', {}, t('deadline'))),
        p.requests.map((r) => h('tr', {}, h('td', {}, h('a', {href: `/console/requests/${r.number}`}, r.number)), h('td', {}, typeName(r.type)),
          h('td', {}, statusName(r.type, r.status)), h('td', {class: r.overdue ? 'overdue' : null}, day(r.deadline))))) : h('p', {}, t('none'))),
      h('div', {class: 'panel'}, h('h2', {}, t('pastInteractions')), p.interactions.length ? h('ul', {},
        p.interactions.map((i) => h('li', {}, `${when(i.startedAt)} · ${channelName(i.channel)} · ${i.staff}`
          + (i.outcome ? ` · ${t('outcomes.' + i.outcome)}` : '') + (i.requests.length ? ` · ${i.requests.join(', ')}` : '')))) : h('p', {}, t('none'))));
  }

  // ---- the PIN a verified citizen uses on the phone robot and to vote: shown once, never stored in clear
  function pinIssuer(citizen) {
    const readout = h('div', {id: 'pin-readout', 'aria-live': 'polite'});
    const issue = async () => {
      try {
        const issued = await post(`/citizens/${citizen.id}/pin`);
        mount(readout, h('div', {class: 'readout'}, h('p', {}, `${t('pin.shown')}: `, h('strong', {id: 'pin-value'}, issued.pin)),
          h('p', {}, t('pin.once'))));
      } catch (e) { sayError(e); }
    };
    return [h('div', {class: 'row'}, h('button', {type: 'button', class: 'secondary', id: 'pin-issue', onclick: issue},
      t('pin.issue'))), readout];
  }

  // ---- the full tax record, on demand (each read is audited with the reason)
  function taxDetail(citizen) {
    const detail = h('div', {id: 'tax-detail', 'aria-live': 'polite'});
    const show = async () => {
      try {
        const r = await get(`/citizens/${citizen.id}/taxes` + query({reason: purpose()}));
        const objects = Object.fromEntries(r.objects.map((o) => [o.id, o.description]));
        mount(detail, h('table', {},
          h('tr', {}, [t('taxObject'), t('year'), t('amount'), t('due'), t('paid'), t('unpaid')].map((c) => h('th', {scope: 'col'}, c))),
          r.lines.flatMap((l) => l.instalments.map((i) => h('tr', {}, h('td', {}, objects[l.objectId] || l.objectId), h('td', {}, l.year),
            h('td', {}, i.amount), h('td', {}, day(i.due)), h('td', {}, i.paid), h('td', {class: Number(i.unpaid) > 0 ? 'overdue' : null}, i.unpaid))))),
          h('p', {}, `${t('owedNow')}: `, h('strong', {}, r.owedNow), ` lei · ${t('paidThisYear')}: ${r.paidThisYear} lei`));
      } catch (e) { mount(detail, h('p', {class: 'muted'}, e.message)); }
    };
    return [h('div', {class: 'row'}, h('button', {type: 'button', class: 'secondary', id: 'tax-detail-show', onclick: show}, t('taxDetail'))), detail];
  }

  // ---- the knowledge base
  const question = h('input', {type: 'search', autocomplete: 'off'});
  const answers = h('div', {id: 'kb-results', 'aria-live': 'polite'});
  async function searchKnowledge(e) {
    if (e) e.preventDefault();
    try {
      const articles = await get('/knowledge' + query({q: question.value, lang: lang(), limit: 5}));
      mount(answers, articles.length ? articles.map((a) => h('article', {class: 'panel article'},
        h('h3', {}, a.title), h('p', {}, a.summary),
        a.documents.length ? [h('h4', {}, t('documents')), h('ul', {}, a.documents.map((d) => h('li', {}, d)))] : null,
        h('dl', {class: 'facts'}, a.fees ? [h('dt', {}, t('fees')), h('dd', {}, a.fees)] : null,
          a.office ? [h('dt', {}, t('office')), h('dd', {}, a.office)] : null,
          a.hours ? [h('dt', {}, t('hours')), h('dd', {}, a.hours)] : null))) : h('p', {}, t('noResults')));
    } catch (err) { mount(answers, h('p', {class: 'muted'}, err.status === 404 ? t('unavailable') : err.message)); }
  }
  mount(knowledgePanel, h('h2', {id: 'kb-title'}, t('knowledge'), ' ', h('kbd', {}, 'Alt+K')),
    h('form', {onsubmit: searchKnowledge}, field('kb-input', t('search'), question),
      h('div', {class: 'row'}, h('button', {type: 'submit', id: 'kb-search'}, t('search')))), answers);

  // ---- filing a request
  function renderRequestForm(filed) {
    // For a caller not identified, only the types that take one.
    const offered = state.unidentified ? types.filter((rt) => rt.caller && rt.caller !== 'identified') : types;
    const type = h('select', {required: true}, offered.map((rt) => h('option', {value: rt.code}, rt.name)));
    const contactName = h('input', {type: 'text', maxlength: 100, autocomplete: 'off'});
    const contactPhone = h('input', {type: 'tel', maxlength: 30, autocomplete: 'off'});
    const contactEmail = h('input', {type: 'email', maxlength: 200, autocomplete: 'off'});
    // The type's own questions follow the type chosen.
    const questions = h('div', {});
    let answers = null;
    const askType = () => {
      answers = attributeFields(types.find((rt) => rt.code === type.value), 'req-attr');
      mount(questions, answers.element);
    };
    type.addEventListener('change', askType);
    askType();
    const description = h('textarea', {required: true, maxlength: 4000, rows: 4});
    const address = h('input', {type: 'text', maxlength: 300, value: state.citizen ? state.citizen.address || '' : ''});
    const lat = h('input', {type: 'number', step: 'any', min: -90, max: 90});
    const lon = h('input', {type: 'number', step: 'any', min: -180, max: 180});
    const files = h('input', {type: 'file', multiple: true});
    // The map pin and the coordinates stay in step, whichever the operator uses.
    const mapHolder = h('div', {class: 'map-holder'});
    if ((state.citizen && state.verified) || state.unidentified) {
      cityMap({label: t('mapHelp'), onPick: (la, lo) => { lat.value = la; lon.value = lo; }}).then((map) => {
        mapHolder.append(map.element);
        const typed = () => map.setPin(parseFloat(lat.value), parseFloat(lon.value));
        lat.addEventListener('change', typed);
        lon.addEventListener('change', typed);
      }).catch(() => {});
    }
    const readout = filed ? h('div', {class: 'readout', id: 'filed', tabindex: -1, role: 'status'},
      h('p', {}, t('filed')), h('p', {}, `${t('number')}: `, h('strong', {id: 'filed-number'}, filed.number)),
      h('p', {}, `${t('deadline')}: `, h('strong', {id: 'filed-deadline'}, day(filed.deadline))),
      h('p', {}, `${t('trackingCode')}: `, h('strong', {}, filed.trackingCode)), h('p', {}, t('howToFollow')),
      filed.citizenId ? null : h('p', {id: 'filed-unidentified'}, t('filedUnidentified')),
      receiptLinks(filed.number)) : null;
    const canFile = (state.citizen && state.verified) || state.unidentified;
    const contactGiven = () => [contactName, contactPhone, contactEmail].some((i) => i.value.trim());
    mount(requestPanel, h('h2', {id: 'request-title'}, t('newRequest'), ' ', h('kbd', {}, 'Alt+R')), readout,
      canFile ? h('form', {onsubmit: async (e) => {
        e.preventDefault();
        const c = state.citizen;
        const location = {address: address.value || null, lat: lat.value === '' ? null : Number(lat.value),
          lon: lon.value === '' ? null : Number(lon.value)};
        const [firstName, ...lastNames] = contactName.value.trim().split(/\s+/);
        // Without a CNP the details are the request's contact, not a citizen on record.
        const citizen = c ? {nationalId: c.nationalId, firstName: c.firstName, lastName: c.lastName,
          companyName: c.kind === 'company' ? c.name : null, address: c.address}
          : contactGiven() ? {firstName: firstName || null, lastName: lastNames.join(' ') || null,
            phone: contactPhone.value.trim() || null, email: contactEmail.value.trim() || null} : null;
        try {
          const request = await post('/requests', {type: type.value, channel: state.interaction.channel,
            citizen, description: description.value, location, attributes: answers.values()});
          state.interaction = await post(`/interactions/${state.interaction.id}/requests`, {request: request.number});
          if (files.files.length) {
            const form = new FormData();
            for (const f of files.files) form.append('file', f, f.name);
            await post(`/requests/${request.number}/attachments`, form).catch(sayError);
          }
          renderCall();
          renderRequestForm(request);
          document.getElementById('filed').focus();
        } catch (err) { sayError(err); }
      }},
      field('req-type', t('type'), type), field('req-description', t('description'), description), questions,
      state.unidentified ? h('fieldset', {id: 'req-contact'}, h('legend', {}, t('contactFor')),
        field('req-contact-name', t('name'), contactName), field('req-contact-phone', t('contactPhone'), contactPhone),
        field('req-contact-email', t('contactEmail'), contactEmail)) : null,
      field('req-address', t('address'), address),
      h('div', {}, h('span', {class: 'label', id: 'map-label'}, t('map')), mapHolder),
      h('div', {class: 'row'}, field('req-lat', t('lat'), lat), field('req-lon', t('lon'), lon)),
      field('req-files', t('attachments'), files),
      h('div', {class: 'row'}, h('button', {type: 'submit', id: 'req-submit'}, t('file')))) : h('p', {class: 'muted'}, t('verifyTitle')));
  }

  // ---- a caller put through by the phone queue: the interaction is started, the caller found by number or PIN
  async function adoptCall(desk) {
    try {
      const interaction = await get(`/interactions/${desk.interactionId}`);
      // A call already closed (the operator is wrapping up) is not brought back.
      if (!interaction.open) return;
      state.interaction = interaction;
      Object.assign(state, {citizen: null, profile: null, verified: false, unidentified: false});
      renderCall(); renderProfile(); renderRequestForm();
      if (!desk.citizenId) { search.focus(); return; }
      await chooseCitizen(await get(`/citizens/${desk.citizenId}` + query({reason: purpose()})));
      if (desk.verified) { state.verified = true; renderCall(); renderProfile(); renderRequestForm(); }
    } catch (e) { sayError(e); }
  }
  const phone = await phonePanel(adoptCall);
  state.phone = Boolean(phone);

  actions.start = () => (state.interaction ? null : startCall());
  actions.find = () => search.focus();
  actions.verify = () => { if (state.citizen && !state.verified) markVerified(true); };
  actions.knowledge = () => question.focus();
  actions.request = () => { const el = document.getElementById('req-type'); if (el) el.focus(); };
  actions.close = () => { const el = document.getElementById('call-outcome'); if (el) el.focus(); };
  if (shortcutHandler) document.removeEventListener('keydown', shortcutHandler);
  shortcutHandler = (e) => {
    const action = e.altKey && !e.ctrlKey && !e.metaKey && SHORTCUTS[e.code];
    if (action && document.getElementById('call-title')) { e.preventDefault(); actions[action](); }
  };
  document.addEventListener('keydown', shortcutHandler);

  renderCall(); renderProfile(); renderRequestForm();
  // A contact still open on the server (the page reloaded, the operator looked at another screen) is taken up again,
  // with its caller and whether they were verified: the call is the server's, not the page's.
  const mine = await get('/interactions' + query({limit: 20})).catch(() => []);
  const open = mine.find((i) => i.open);
  if (open) await adoptCall({interactionId: open.id, citizenId: open.citizenId, verified: open.verified});
  return h('div', {},
    h('h1', {}, t('callDesk')),
    h('div', {class: 'grid'},
      h('div', {}, phone, callPanel, findPanel, profilePanel),
      h('div', {}, requestPanel, knowledgePanel)));
}
