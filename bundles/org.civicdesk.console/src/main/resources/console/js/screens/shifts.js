// The shift plan (R22): the week's shifts, day by day. Supervisors and administrators plan and take back shifts for
// everyone; the rest of the staff see their own week. The week is in the address (?week=2026-W49), so a link or a
// reload shows the same one.
import {get, post, api, query} from '../api.js';
import {h, field} from '/web/dom.js';
import {t, day} from '../i18n.js';
import {hasRole} from '../session.js';
import {say, sayError, navigate, redraw} from '../ui.js';

/** The ISO week (YYYY-Www) a week away from the Monday given (YYYY-MM-DD): -1 the one before, +1 the one after. */
export function weekAfter(monday, weeks) {
  const d = new Date(monday + 'T12:00:00Z');
  d.setUTCDate(d.getUTCDate() + 7 * weeks);
  // The ISO week's year is the year of its Thursday.
  const thursday = new Date(d);
  thursday.setUTCDate(d.getUTCDate() + 3);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((thursday - firstThursday) / (7 * 24 * 3600 * 1000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The days of the week from its Monday, as YYYY-MM-DD. */
export function daysOf(monday) {
  return Array.from({length: 7}, (_, i) => {
    const d = new Date(monday + 'T12:00:00Z');
    d.setUTCDate(d.getUTCDate() + i);
    return d.toISOString().slice(0, 10);
  });
}

/** A shift's hours as read: 08:00–16:00, and a night shift's end marked as the next day. */
export function hours(shift, tr) {
  const overnight = shift.end <= shift.start;
  return `${shift.start.slice(0, 5)}–${shift.end.slice(0, 5)}${overnight ? ' ' + tr('shifts.nextDay') : ''}`;
}

function planForm(plan, people) {
  const who = h('select', {required: true}, h('option', {value: ''}, t('messages.choose')),
    people.map((p) => h('option', {value: p.username}, p.name || p.username)));
  const when = h('select', {required: true}, daysOf(plan.from).map((d) => h('option', {value: d}, day(d))));
  const start = h('input', {type: 'time', required: true, value: '08:00'});
  const end = h('input', {type: 'time', required: true, value: '16:00'});
  return h('form', {id: 'shift-form', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await post('/shifts', {username: who.value, day: when.value, start: start.value, end: end.value});
      say(t('shifts.planned'));
      await redraw();
    } catch (err) { sayError(err); }
  }}, h('h2', {}, t('shifts.plan')),
  h('div', {class: 'row'}, field('shift-person', t('shifts.person'), who), field('shift-day', t('shifts.day'), when),
    field('shift-start', t('shifts.start'), start), field('shift-end', t('shifts.end'), end)),
  h('div', {class: 'row'}, h('button', {type: 'submit', id: 'shift-add'}, t('shifts.add'))));
}

export async function shiftsScreen() {
  const asked = new URLSearchParams(location.search).get('week');
  const planner = hasRole('admin', 'supervisor');
  const [plan, people] = await Promise.all([get('/shifts' + query({week: asked})),
    planner ? get('/staff/directory') : Promise.resolve([])]);
  const go = (weeks) => navigate('/shifts?week=' + weekAfter(plan.from, weeks));
  const byDay = daysOf(plan.from).map((d) => ({day: d, shifts: plan.shifts.filter((s) => s.day === d)}));
  return h('div', {},
    h('h1', {}, planner ? t('shifts.title') : t('shifts.mine')),
    h('div', {class: 'row week-nav'},
      h('button', {type: 'button', id: 'week-before', onclick: () => go(-1)}, '‹ ' + t('shifts.before')),
      h('h2', {id: 'week-title'}, `${t('shifts.week')} ${plan.week} (${day(plan.from)} – ${day(plan.to)})`),
      h('button', {type: 'button', id: 'week-after', onclick: () => go(1)}, t('shifts.after') + ' ›')),
    planner ? h('div', {class: 'panel'}, planForm(plan, people)) : null,
    h('div', {class: 'panel'}, h('table', {id: 'shifts-table'},
      h('caption', {class: 'visually-hidden'}, `${t('shifts.week')} ${plan.week}`),
      h('tr', {}, [t('shifts.day'), t('shifts.person'), t('shifts.hours'), planner ? t('shifts.cancel') : null]
        .filter((c) => c !== null).map((c) => h('th', {scope: 'col'}, c))),
      byDay.map(({day: d, shifts}) => shifts.length === 0
        ? h('tr', {class: 'muted'}, h('td', {}, day(d)), h('td', {colspan: planner ? 3 : 2}, t('shifts.none')))
        : shifts.map((s) => h('tr', {dataset: {shift: String(s.id), user: s.username}},
          h('td', {}, day(d)), h('td', {}, s.displayName || s.username), h('td', {}, hours(s, t)),
          planner ? h('td', {}, h('button', {type: 'button', class: 'cancel-shift',
            'aria-label': `${t('shifts.cancel')}: ${s.displayName || s.username}, ${day(d)} ${hours(s, t)}`,
            onclick: async () => {
              try { await api('DELETE', `/shifts/${s.id}`); say(t('shifts.cancelled')); await redraw(); } catch (err) { sayError(err); }
            }}, t('shifts.cancel'))) : null))))));
}
