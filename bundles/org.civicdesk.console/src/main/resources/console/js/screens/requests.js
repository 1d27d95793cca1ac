// Requests: the filtered, paged list (each role sees what the registry lets it see) and one request's detail.
import {get, post, query} from '../api.js';
import {h, field} from '/web/dom.js';
import {t, lang, when, day} from '../i18n.js';
import {ROOT, say, sayError, navigate, redraw} from '../ui.js';
import {hasRole, account} from '../session.js';
import {loadChannels, channelName} from '../channels.js';
import {loadTypes, typeName, statusName} from '../request-types.js';
import {mayReply, replyBody, notificationLine, contractorOnly} from '../notifications.js';
import {LIST_FILTERS, filterQuery, filtersFromQuery} from '../request-query.js';
import {receiptLinks} from '../receipt.js';
import {archiveLine} from '../archive.js';
import {isPublicComment, statusChangeBody} from '../comments.js';

const PAGE = 25;
const filters = {status: '', type: '', department: '', assignee: '', channel: '', overdue: '', q: '', from: '', to: '', offset: 0};

/**
 * The filters change: kept for the next visit, written into the address (so it can be reloaded or passed on) and the
 * list drawn again from its first page.
 */
function setFilter(key, value) {
  filters[key] = value;
  filters.offset = 0;
  history.replaceState({}, '', ROOT + '/requests' + filterQuery(filters));
  redraw();
}

export async function requestsScreen() {
  // An address naming filters (a report's figure, a reload, a link passed on) shows those; one naming none, the
  // filters of the last visit.
  const asked = filtersFromQuery(location.search);
  if (asked && LIST_FILTERS.some((key) => asked[key] !== filters[key])) Object.assign(filters, asked, {offset: 0});
  const types = await loadTypes();
  const channels = await loadChannels();
  const statuses = [...new Set(types.flatMap((rt) => rt.statuses))].sort();
  const page = await get('/requests' + query({...filters, limit: PAGE}));
  // A supervisor sees who carries how many open requests of the department.
  const workload = hasRole('supervisor') ? await get('/requests/workload').catch(() => null) : null;

  const select = (id, label, key, options) => {
    // A value the address asks for that is not among the choices now (a type since removed) still shows as chosen.
    const known = !filters[key] || options.some(([value]) => value === filters[key]);
    const control = h('select', {}, h('option', {value: ''}, t('all')),
      known ? null : h('option', {value: filters[key], selected: true}, filters[key]),
      options.map(([value, text]) => h('option', {value, selected: filters[key] === value}, text)));
    control.addEventListener('change', () => setFilter(key, control.value));
    return field(id, label, control);
  };
  const input = (id, label, key, type, hint) => {
    const control = h('input', {type, value: filters[key], 'aria-describedby': hint ? `${id}-hint` : null});
    control.addEventListener('change', () => setFilter(key, control.value));
    return hint ? [field(id, label, control), h('p', {id: `${id}-hint`, class: 'muted filters-hint'}, hint)] : field(id, label, control);
  };
  const last = Math.min(page.total, filters.offset + page.items.length);
  return h('div', {},
    h('h1', {}, t('requests')),
    workload ? h('div', {class: 'panel'}, h('h2', {}, t('workload')), h('table', {id: 'workload-table'},
      h('tr', {}, h('th', {scope: 'col'}, t('assignee')), h('th', {scope: 'col'}, t('openRequests'))),
      workload.map((w) => h('tr', {}, h('td', {}, w.assignee || t('unassigned')), h('td', {}, w.open))))) : null,
    h('div', {class: 'panel filters', role: 'search'},
      select('f-status', t('status'), 'status', statuses.map((s) => [s, statusName(null, s)])),
      select('f-type', t('type'), 'type', types.map((rt) => [rt.code, rt.name])),
      select('f-department', t('department'), 'department', [...new Set(types.map((rt) => rt.department))].sort().map((d) => [d, d])),
      input('f-assignee', t('assignee'), 'assignee', 'text'),
      select('f-channel', t('channel'), 'channel', channels.map((c) => [c.id, c.name])),
      select('f-overdue', t('overdue'), 'overdue', [['true', t('yes')], ['false', t('no')]]),
      input('f-text', t('text'), 'q', 'search', t('textHint')), input('f-from', t('from'), 'from', 'date'), input('f-to', t('to'), 'to', 'date')),
    // Past a thousand matches the registry stops counting: the total is then "at least" (1000+).
    h('p', {id: 'requests-count'}, page.total ? `${filters.offset + 1}–${last} ${t('of')} ${page.total}${page.totalExact === false ? '+' : ''}` : t('none')),
    h('table', {id: 'requests-table'},
      h('tr', {}, [t('number'), t('type'), t('status'), t('assignee'), t('department'), t('deadline'), t('channel')].map((c) => h('th', {scope: 'col'}, c))),
      page.items.map((r) => h('tr', {},
        h('td', {}, requestLink(r.number)),
        h('td', {}, typeName(r.type)), h('td', {class: 'status-cell', dataset: {status: r.status}}, statusName(r.type, r.status)), h('td', {}, r.assignee || '—'), h('td', {}, r.department),
        h('td', {class: r.overdue ? 'overdue' : null}, day(r.deadline) + (r.overdue ? ' ⚠' : '')), h('td', {}, channelName(r.channel))))),
    h('div', {class: 'row'},
      h('button', {type: 'button', class: 'secondary', disabled: filters.offset === 0,
        onclick: () => { filters.offset = Math.max(0, filters.offset - PAGE); redraw(); }}, t('previous')),
      h('button', {type: 'button', class: 'secondary', disabled: last >= page.total && page.totalExact !== false,
        onclick: () => { filters.offset += PAGE; redraw(); }}, t('next'))));
}

/** Who asked: a citizen on record, a contact left without a CNP, or no one who said. */
function applicant(r) {
  if (r.citizenId) return t('citizen');
  const c = r.contact;
  if (!c) return t('anonymous');
  return [[c.firstName, c.lastName].filter(Boolean).join(' '), c.phone, c.email].filter(Boolean).join(' · ')
    + ` (${t('onlyContact')})`;
}

/** The link to a request's page, followed in the console. */
function requestLink(number) {
  return h('a', {href: `/console/requests/${number}`, onclick: (e) => { e.preventDefault(); navigate(`/requests/${number}`); }}, number);
}

/**
 * The overdue view (R7): open requests past their deadline that the supervisor (their department's) or the admin (every
 * department's) may see, grouped by department, the oldest deadline first, with their escalation.
 */
export async function overdueScreen() {
  await loadTypes();
  const page = await get('/requests' + query({overdue: 'true', limit: 500}));
  const today = new Date();
  const late = (deadline) => Math.max(1, Math.floor((today - new Date(deadline + 'T23:59:59')) / 86400000) + 1);
  const departments = [...new Set(page.items.map((r) => r.department))].sort();
  return h('div', {},
    h('h1', {}, t('overdueView')),
    h('p', {}, t('overdueIntro')),
    page.items.length ? null : h('p', {id: 'overdue-none'}, t('none')),
    departments.map((d) => h('section', {class: 'panel'},
      h('h2', {id: `overdue-${d}`}, d),
      h('table', {class: 'overdue-table', 'aria-labelledby': `overdue-${d}`},
        h('tr', {}, [t('number'), t('type'), t('assignee'), t('deadline'), t('daysLate'), t('priority'), t('escalation')]
          .map((c) => h('th', {scope: 'col'}, c))),
        page.items.filter((r) => r.department === d).map((r) => h('tr', {},
          h('td', {}, requestLink(r.number)), h('td', {}, typeName(r.type)), h('td', {}, r.assignee || t('notAssigned')),
          h('td', {class: 'overdue'}, day(r.deadline)), h('td', {}, String(late(r.deadline))),
          h('td', {class: `priority-${r.priority}`}, t('priorities.' + r.priority)),
          h('td', {}, typeof r.escalation !== 'number' ? '—' : t('levels.' + r.escalation))))))));
}

/** An attachment of the history: a link to its content (stored as "sha256:<hash>"), and a player for a voice message. */
function attachment(number, event) {
  const hash = (event.attachmentRef || '').replace(/^sha256:/, '');
  if (!/^[0-9a-f]{64}$/.test(hash)) return event.attachmentName;
  const url = `/api/v1/requests/${number}/attachments/${hash}`;
  return [h('a', {href: url}, event.attachmentName),
    // A voice message left with the phone robot is listened to here, fetched only when played.
    /\.wav$/i.test(event.attachmentName) ? h('audio', {controls: true, preload: 'none', class: 'voice-message',
      'aria-label': event.attachmentName, src: url}) : null];
}

export async function requestDetailScreen(year, seq) {
  const number = `${year}/${seq}`;
  const r = await get(`/requests/${number}`);
  const type = await get(`/request-types/${r.type}` + query({lang: lang()})).catch(() => null);
  await loadChannels();
  const next = (type ? (type.transitions[r.status] || []) : [])
    .filter((s) => !contractorOnly(account()) || s === 'in_progress' || s === 'resolved');
  const reload = () => redraw();

  const change = async (body) => {
    try { await post(`/requests/${number}/events`, body); say(t('saved')); reload(); } catch (e) { sayError(e); }
  };
  await loadTypes();
  const status = h('select', {}, next.map((s) => h('option', {value: s}, statusName(r.type, s))));
  const statusComment = h('input', {type: 'text', maxlength: 4000});
  // Who will read the comment: chosen each time, nothing preselected, so that no note goes public unawares.
  const visibilityChoice = (value, id) => h('label', {class: 'choice', for: id},
    h('input', {type: 'radio', name: 'd-status-visibility', value, id}), ' ', t(`visibility.${value}`));
  const visibility = h('fieldset', {class: 'visibility-choice', id: 'd-status-visibility'},
    h('legend', {}, t('visibilityQuestion')), visibilityChoice('internal', 'd-status-internal'),
    visibilityChoice('public', 'd-status-public'));
  const changeStatus = () => {
    const chosen = visibility.querySelector('input:checked');
    const body = statusChangeBody(status.value, statusComment.value, chosen ? chosen.value : null);
    if (!body) { say(t('visibilityRequired'), 'error'); visibility.querySelector('input').focus(); return; }
    change(body);
  };
  const comment = h('textarea', {maxlength: 4000, rows: 2});
  const colleagues = hasRole('supervisor', 'admin') ? await get('/staff').catch(() => []) : [];
  const assignee = h('select', {}, colleagues.filter((a) => a.enabled && a.roles.some((x) => ['employee', 'contractor'].includes(x.toLowerCase())))
    .map((a) => h('option', {value: a.username, selected: a.username === r.assignee}, `${a.displayName} (${a.username})`)));
  const file = h('input', {type: 'file'});
  // A call-back to the citizen about the request (R8), when the phone channel is installed.
  const callbacks = contractorOnly(account()) ? null : await get(`/requests/${number}/callbacks`).catch(() => null);
  const callbackFrom = h('input', {type: 'datetime-local', required: true});
  const callbackTo = h('input', {type: 'datetime-local', required: true});
  const callbackPhone = h('input', {type: 'tel', maxlength: 30});
  const callbackNote = h('input', {type: 'text', maxlength: 500});
  const scheduleCallback = async () => {
    const instant = (v) => (v ? new Date(v).toISOString() : '');
    try {
      await post(`/requests/${number}/callbacks`, {from: instant(callbackFrom.value), to: instant(callbackTo.value),
        phone: callbackPhone.value || null, note: callbackNote.value || null});
      say(t('callbackScheduled')); reload();
    } catch (err) { sayError(err); callbackFrom.focus(); }
  };
  const replyText = h('textarea', {maxlength: 4000, rows: 5, 'aria-describedby': 'd-reply-hint'});
  // The messages about the request and their state; absent when the notifications feature is not installed.
  const notifications = await get(`/requests/${number}/notifications`).catch(() => null);
  // Its hand-offs to the document management system; none when no system is set up or the feature is not installed.
  const archive = await get(`/requests/${number}/archive`).catch(() => []);
  const reply = async () => {
    const body = replyBody(replyText.value);
    if (!body) { say(t('replyEmpty'), 'error'); replyText.focus(); return; }
    try { await post(`/requests/${number}/events`, body); say(t('replyQueued')); reload(); } catch (e) { sayError(e); replyText.focus(); }
  };

  return h('div', {},
    h('h1', {}, `${t('requests')} ${r.number}`),
    h('div', {class: 'grid'},
      h('div', {},
        h('div', {class: 'panel'}, h('dl', {class: 'facts', id: 'request-facts'},
          [[t('type'), type ? type.name : r.type], [t('status'), statusName(r.type, r.status)], [t('assignee'), r.assignee || '—'],
            [t('department'), r.department], [t('registered'), when(r.registeredAt)],
            ...(r.receivedAt ? [[t('receivedOn'), day(r.receivedAt)]] : []), [t('deadline'), day(r.deadline) + (r.overdue ? ' ⚠' : '')],
            [t('priority'), t('priorities.' + r.priority)], [t('applicant'), applicant(r)],
            [t('channel'), channelName(r.channel)], [t('address'), r.location ? r.location.address || '' : ''],
            [t('trackingCode'), r.trackingCode],
            ...(r.rating ? [[t('rating'), `${r.rating.score}/5`]] : [])].flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
          h('p', {}, r.description), receiptLinks(r.number)),
        h('div', {class: 'panel'}, h('h2', {}, t('history')), h('ol', {class: 'timeline', id: 'history'},
          (r.history || []).map((e) => h('li', {class: e.kind === 'replied' ? 'replied' : null}, h('strong', {}, t('kinds.' + e.kind)),
            ` · ${when(e.time)} · ${e.kind === 'rated' ? t('theCitizen') : e.actor}`, e.score ? ` · ${e.score}/5` : '',
            e.kind === 'status_changed' || e.kind === 'created' ? ` · ${statusName(r.type, e.status)}` : '', e.assignee && e.kind === 'assigned' ? ` → ${e.assignee}` : '',
            e.kind === 'escalated' ? ` · ${t('levels.' + e.level)}` : '',
            e.kind === 'deadline_moved' ? ` · ${t('deadlineMovedTo').replace('{day}', day(e.deadline))}` : '',
            e.kind === 'called_back' ? ` · ${t('callbackOutcomes.' + e.detail)}` : '',
            e.kind === 'callback_scheduled' ? ` · ${e.detail.split('/').map(when).join(' – ')}` : '',
            e.comment ? h('div', {class: e.kind === 'replied' ? 'reply-text' : null},
              h('span', {class: `seen-by ${isPublicComment(e.kind) ? 'public' : 'internal'}`},
                isPublicComment(e.kind) ? t('visibility.public') : t('visibility.internal')), ' ', e.comment) : null,
            e.attachmentName ? h('div', {}, attachment(number, e)) : null)))),
        notifications ? h('div', {class: 'panel'}, h('h2', {}, t('notifications')),
          notifications.length ? h('ul', {id: 'notifications'}, notifications.map((n) => h('li', {class: 'notification'}, notificationLine(n, t))))
            : h('p', {}, t('none'))) : null,
        archive.length ? h('div', {class: 'panel'}, h('h2', {}, t('archive')),
          h('ul', {id: 'archive'}, archive.map((a) => h('li', {class: 'archive-hand-off'}, archiveLine(a, t))))) : null),
      h('div', {},
        next.length ? h('form', {class: 'panel', onsubmit: (e) => { e.preventDefault(); changeStatus(); }},
          h('h2', {}, t('changeStatus')), field('d-status', t('status'), status), field('d-status-comment', t('comment'), statusComment),
          visibility,
          h('div', {class: 'row'}, h('button', {type: 'submit', id: 'd-status-save'}, t('save')))) : null,
        hasRole('supervisor', 'admin') ? h('form', {class: 'panel', onsubmit: (e) => { e.preventDefault(); change({kind: 'assign', assignee: assignee.value}); }},
          h('h2', {}, t('assign')), field('d-assignee', t('assignee'), assignee),
          h('div', {class: 'row'}, h('button', {type: 'submit', id: 'd-assign-save'}, t('assign')))) : null,
        mayReply(account(), r) ? h('form', {class: 'panel', id: 'reply-form', onsubmit: (e) => { e.preventDefault(); reply(); }},
          h('h2', {}, t('reply')), field('d-reply', t('replyText'), replyText), h('p', {class: 'hint', id: 'd-reply-hint'}, t('replyHint')),
          h('div', {class: 'row'}, h('button', {type: 'submit', id: 'd-reply-send'}, t('send')))) : null,
        callbacks ? h('form', {class: 'panel', id: 'callback-form', onsubmit: (e) => { e.preventDefault(); scheduleCallback(); }},
          h('h2', {}, t('callbackForm')), field('d-callback-from', t('callbackFrom'), callbackFrom),
          field('d-callback-to', t('callbackTo'), callbackTo), field('d-callback-phone', t('callbackPhone'), callbackPhone),
          field('d-callback-note', t('callbackNote'), callbackNote),
          h('div', {class: 'row'}, h('button', {type: 'submit', id: 'd-callback-save'}, t('save'))),
          callbacks.length ? [h('h3', {}, t('callbacksOfRequest')), h('ul', {id: 'callbacks'}, callbacks.map((c) => h('li', {},
            `${when(c.callback.dueFrom)} – ${when(c.callback.dueTo)} · ${c.callback.number}`,
            c.outcome ? ` · ${t('callbackOutcomes.' + c.outcome)}` : '')))] : null) : null,
        h('form', {class: 'panel', onsubmit: (e) => { e.preventDefault(); change({kind: 'comment', text: comment.value}); }},
          h('h2', {}, t('addComment')), field('d-comment', t('comment'), comment),
          h('div', {class: 'row'}, h('button', {type: 'submit', id: 'd-comment-save'}, t('save')))),
        h('form', {class: 'panel', onsubmit: async (e) => {
          e.preventDefault();
          if (!file.files.length) return;
          const form = new FormData();
          form.append('file', file.files[0], file.files[0].name);
          try { await post(`/requests/${number}/attachments`, form); say(t('saved')); reload(); } catch (err) { sayError(err); }
        }}, h('h2', {}, t('attach')), field('d-file', t('attachments'), file),
          h('div', {class: 'row'}, h('button', {type: 'submit'}, t('attach')))))));
}
