// The workflow of a request type as an administrator changes it: one row per status (its names, whether a request is
// done in it, the statuses a request may move to from it), and a status of the type's own added at the end. The server
// checks the whole (no status lost, none a request could never leave or reach) and says what to mend.
import {h} from '/web/dom.js';
import {t} from '../i18n.js';

const STATUS_CODE = /^[a-z][a-z0-9_]{1,39}$/;

/** The editor's state from a type's settings: its workflow, and the names staff see now, for the placeholders. */
export function workflowState(workflow, shownNames) {
  return {
    statuses: [...workflow.statuses],
    transitions: Object.fromEntries(workflow.statuses.map((s) => [s, [...(workflow.transitions[s] || [])]])),
    finalStatuses: new Set(workflow.finalStatuses),
    names: Object.fromEntries(workflow.statuses.map((s) => [s, {...((workflow.statusNames || {})[s] || {})}])),
    shown: shownNames || {},
  };
}

/** The workflow as the API takes it. */
export function workflowValue(state) {
  const named = Object.entries(state.names).filter(([, n]) => (n.ro || '').trim() || (n.en || '').trim());
  return {
    statuses: [...state.statuses],
    transitions: Object.fromEntries(state.statuses.map((s) => [s, state.transitions[s].filter((to) => to !== s)])),
    finalStatuses: state.statuses.filter((s) => state.finalStatuses.has(s)),
    statusNames: Object.fromEntries(named.map(([s, n]) => [s, {ro: (n.ro || '').trim(), en: (n.en || '').trim()}])),
  };
}

/** Adds a status of the type's own; an error text when its code cannot be one. */
export function addStatus(state, code) {
  const status = (code || '').trim();
  if (!STATUS_CODE.test(status)) return t('workflow.badCode');
  if (state.statuses.includes(status)) return t('workflow.exists', {code: status});
  state.statuses.push(status);
  state.transitions[status] = [];
  state.names[status] = {};
  return null;
}

/** The editor: a table redrawn in place as statuses are added (focus goes to the new status's name). */
export function workflowEditor(state) {
  const box = h('fieldset', {id: 'type-workflow'}, h('legend', {}, t('workflow.title')));
  const newCode = h('input', {type: 'text', id: 'workflow-new-code', maxlength: 40, autocomplete: 'off',
    pattern: '[a-z][a-z0-9_]{1,39}', 'aria-describedby': 'workflow-new-error'});
  const error = h('p', {id: 'workflow-new-error', class: 'field-error', role: 'alert'});
  const table = h('div', {});

  const draw = () => {
    const rows = state.statuses.map((status) => {
      const names = state.names[status];
      const nameInput = (language) => h('input', {type: 'text', maxlength: 200, id: `workflow-${status}-${language}`,
        value: names[language] || '', placeholder: language === 'ro' ? (state.shown[status] || '') : '',
        oninput: (e) => { names[language] = e.target.value; }});
      const final = h('input', {type: 'checkbox', id: `workflow-${status}-final`, checked: state.finalStatuses.has(status),
        onchange: (e) => { if (e.target.checked) state.finalStatuses.add(status); else state.finalStatuses.delete(status); }});
      const next = h('fieldset', {class: 'workflow-next'}, h('legend', {class: 'visually-hidden'}, t('workflow.next', {status})),
        state.statuses.filter((to) => to !== status).map((to) => h('label', {class: 'choice'},
          h('input', {type: 'checkbox', value: to, checked: state.transitions[status].includes(to),
            onchange: (e) => {
              const targets = state.transitions[status];
              if (e.target.checked && !targets.includes(to)) targets.push(to);
              if (!e.target.checked) state.transitions[status] = targets.filter((s) => s !== to);
            }}), ' ', to)));
      return h('tr', {dataset: {status}},
        h('th', {scope: 'row'}, status),
        h('td', {}, h('label', {class: 'visually-hidden', for: `workflow-${status}-ro`}, t('workflow.nameRo', {status})), nameInput('ro')),
        h('td', {}, h('label', {class: 'visually-hidden', for: `workflow-${status}-en`}, t('workflow.nameEn', {status})), nameInput('en')),
        h('td', {}, h('label', {class: 'visually-hidden', for: `workflow-${status}-final`}, t('workflow.finalOf', {status})), final),
        h('td', {}, next));
    });
    table.replaceChildren(h('table', {class: 'workflow-table'},
      h('tr', {}, [t('workflow.status'), t('typeAdmin.nameRo'), t('typeAdmin.nameEn'), t('workflow.final'), t('workflow.moves')]
        .map((c) => h('th', {scope: 'col'}, c))),
      rows));
  };

  const add = () => {
    const problem = addStatus(state, newCode.value);
    error.textContent = problem || '';
    newCode.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (problem) { newCode.focus(); return; }
    const added = newCode.value.trim();
    newCode.value = '';
    draw();
    box.querySelector(`#workflow-${added}-ro`).focus();
  };
  newCode.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } });

  draw();
  box.append(h('p', {}, t('workflow.intro')), table,
    h('div', {class: 'row'}, h('div', {}, h('label', {for: 'workflow-new-code'}, t('workflow.newCode')), newCode, error),
      h('button', {type: 'button', id: 'workflow-add', onclick: add}, t('workflow.add'))));
  return box;
}
