// Administrators keep the request types here, as the shell's civicdesk:request-type-save does: names, the department
// that answers, the deadline, whom staff may file for, the escalation and the workflow. CivicDesk audits every change;
// the questions stay in the type's configuration file.
import {get, api} from '../api.js';
import {h, field} from '/web/dom.js';
import {t, lang} from '../i18n.js';
import {say, sayError} from '../ui.js';
import {workflowEditor, workflowState, workflowValue} from './workflow-editor.js';

const CALLERS = ['identified', 'anonymous', 'contact'];
const LEVEL2_ROLES = ['admin', 'supervisor'];

function options(values, label) {
  return values.map((v) => h('option', {value: v}, label(v)));
}

/** The request types: a table, and a form that edits one (chosen) or adds one (a new code). */
export async function requestTypesPanel(departments, reload) {
  const types = await get(`/request-types?lang=${lang()}`);
  const which = h('select', {}, h('option', {value: ''}, t('typeAdmin.new')),
    types.map((type) => h('option', {value: type.code}, `${type.name} (${type.code})`)));
  const code = h('input', {type: 'text', maxlength: 50, autocomplete: 'off', pattern: '[a-z][a-z0-9_\\-]{1,49}'});
  const nameRo = h('input', {type: 'text', required: true, maxlength: 200});
  const nameEn = h('input', {type: 'text', maxlength: 200});
  const department = h('select', {required: true}, options(departments.map((d) => d.code),
    (c) => `${departments.find((d) => d.code === c).name} (${c})`));
  const slaDays = h('input', {type: 'number', min: 1, max: 3650, required: true, value: 30});
  const caller = h('select', {}, options(CALLERS, (c) => t(`typeAdmin.callers.${c}`)));
  const warnAt = h('input', {type: 'number', min: 0, max: 99, value: 75});
  const escalates = h('input', {type: 'checkbox', id: 'type-escalates', checked: true});
  const level2Days = h('input', {type: 'number', min: 1, max: 365, value: 5});
  const level2Role = h('select', {}, options(LEVEL2_ROLES, (r) => t(`directory.roleNames.${r}`)));

  // A new type starts with the standard workflow; once saved, its own is edited here.
  const workflowBox = h('div', {id: 'type-workflow-box'}, h('p', {}, t('workflow.newType')));
  let workflow = null;
  const fill = async () => {
    code.disabled = Boolean(which.value);
    workflow = null;
    workflowBox.replaceChildren(h('p', {}, t('workflow.newType')));
    if (!which.value) return;
    try {
      const s = await get(`/request-types/${encodeURIComponent(which.value)}/settings`);
      code.value = s.code;
      nameRo.value = s.names.ro || '';
      nameEn.value = s.names.en || '';
      department.value = s.department;
      slaDays.value = s.slaDays;
      caller.value = s.caller;
      warnAt.value = s.warnAtPercent;
      escalates.checked = s.escalates;
      level2Days.value = s.level2AfterDays;
      level2Role.value = s.level2Role;
      const shown = (types.find((type) => type.code === s.code) || {}).statusNames || {};
      workflow = workflowState(s.workflow, shown);
      workflowBox.replaceChildren(workflowEditor(workflow));
    } catch (err) { sayError(err); }
  };
  which.addEventListener('change', fill);

  const save = async (e) => {
    e.preventDefault();
    const typeCode = (which.value || code.value).trim();
    try {
      const saved = await api('PUT', `/request-types/${encodeURIComponent(typeCode)}`, {
        names: {ro: nameRo.value, en: nameEn.value}, department: department.value, slaDays: Number(slaDays.value),
        caller: caller.value, warnAtPercent: Number(warnAt.value), escalates: escalates.checked,
        level2AfterDays: Number(level2Days.value), level2Role: level2Role.value,
        workflow: workflow ? workflowValue(workflow) : undefined});
      say(t('typeAdmin.saved', {code: saved.code}));
      reload();
    } catch (err) { sayError(err); }
  };

  return h('div', {class: 'panel'}, h('h2', {}, t('typeAdmin.title')),
    h('table', {id: 'types-table'},
      h('tr', {}, [t('staffAdmin.code'), t('name'), t('department'), t('typeAdmin.slaDays'), t('workflow.statuses')]
        .map((c) => h('th', {scope: 'col'}, c))),
      types.map((type) => h('tr', {dataset: {type: type.code}}, h('td', {}, type.code), h('td', {}, type.name),
        h('td', {}, type.department), h('td', {}, String(type.slaDays)),
        h('td', {}, type.statuses.map((s) => (type.statusNames || {})[s] || s).join(', '))))),
    h('form', {id: 'type-form', onsubmit: save}, h('h3', {}, t('typeAdmin.edit')),
      h('div', {class: 'row'}, field('type-which', t('typeAdmin.which'), which), field('type-code', t('staffAdmin.code'), code)),
      h('div', {class: 'row'}, field('type-name-ro', t('typeAdmin.nameRo'), nameRo),
        field('type-name-en', t('typeAdmin.nameEn'), nameEn)),
      h('div', {class: 'row'}, field('type-department', t('department'), department),
        field('type-sla', t('typeAdmin.slaDays'), slaDays), field('type-caller', t('typeAdmin.caller'), caller)),
      h('fieldset', {}, h('legend', {}, t('typeAdmin.escalation')),
        h('div', {class: 'row'}, field('type-warn', t('typeAdmin.warnAt'), warnAt),
          h('label', {for: 'type-escalates'}, escalates, ' ', t('typeAdmin.escalates')),
          field('type-level2-days', t('typeAdmin.level2Days'), level2Days),
          field('type-level2-role', t('typeAdmin.level2Role'), level2Role))),
      workflowBox,
      h('div', {class: 'row'}, h('button', {type: 'submit', id: 'type-save'}, t('typeAdmin.save')))));
}
