// Administrators keep the staff and the departments here (R22), as the shell's staff-* and department-* commands do:
// add an account, give it roles and a department, disable it, set a new password; add or rename a department. Every
// change is audited by CivicDesk.
import {get, post, api} from '../api.js';
import {h, field} from '/web/dom.js';
import {t, when} from '../i18n.js';
import {account} from '../session.js';
import {say, sayError, redraw} from '../ui.js';
import {requestTypesPanel} from './type-admin.js';

export const ROLES = ['operator', 'employee', 'supervisor', 'admin', 'dpo', 'contractor'];

/** The roles ticked in a group of role boxes, as the API takes them. */
export function tickedRoles(boxes) {
  return boxes.filter((b) => b.checked).map((b) => b.value);
}

function roleBoxes(prefix, chosen) {
  const boxes = ROLES.map((r) => h('input', {type: 'checkbox', id: `${prefix}-role-${r}`, value: r, checked: chosen.includes(r)}));
  const group = h('fieldset', {class: 'roles'}, h('legend', {}, t('roles')),
    boxes.map((b) => h('label', {for: b.id}, b, ' ', t('directory.roleNames.' + b.value))));
  return {boxes, group};
}

function departmentSelect(departments, chosen) {
  const select = h('select', {}, h('option', {value: ''}, '—'),
    departments.map((d) => h('option', {value: d.code}, `${d.name} (${d.code})`)));
  select.value = chosen || '';
  return select;
}

function newAccountForm(departments, reload) {
  const username = h('input', {type: 'text', required: true, maxlength: 50, autocomplete: 'off'});
  const name = h('input', {type: 'text', required: true, maxlength: 200});
  const email = h('input', {type: 'email', maxlength: 254});
  const department = departmentSelect(departments, '');
  const password = h('input', {type: 'password', required: true, autocomplete: 'new-password'});
  const roles = roleBoxes('new', ['operator']);
  return h('form', {id: 'staff-new', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await post('/staff', {username: username.value.trim(), displayName: name.value, email: email.value,
        department: department.value, roles: tickedRoles(roles.boxes), password: password.value});
      say(t('staffAdmin.created'));
      reload();
    } catch (err) { sayError(err); }
  }}, h('h3', {}, t('staffAdmin.new')),
  h('div', {class: 'row'}, field('new-username', t('username'), username), field('new-name', t('name'), name),
    field('new-email', 'E-mail', email), field('new-department', t('department'), department),
    field('new-password', t('password'), password)),
  roles.group,
  h('div', {class: 'row'}, h('button', {type: 'submit', id: 'new-create'}, t('staffAdmin.create'))));
}

function editAccountForm(staff, departments, reload) {
  const who = h('select', {required: true}, h('option', {value: ''}, t('messages.choose')),
    staff.map((a) => h('option', {value: a.username}, `${a.displayName} (${a.username})`)));
  const holder = h('div', {});
  const draw = () => {
    const a = staff.find((s) => s.username === who.value);
    if (!a) { holder.replaceChildren(); return; }
    const department = departmentSelect(departments, a.department);
    const roles = roleBoxes('edit', a.roles.map((r) => r.toLowerCase()));
    const password = h('input', {type: 'password', autocomplete: 'new-password'});
    holder.replaceChildren(h('div', {class: 'row'}, field('edit-department', t('department'), department)), roles.group,
      h('div', {class: 'row'},
        h('button', {type: 'button', id: 'edit-save', onclick: async () => {
          try {
            await api('PUT', `/staff/${encodeURIComponent(a.username)}`, {department: department.value,
              roles: tickedRoles(roles.boxes)});
            say(t('saved'));
            reload();
          } catch (err) { sayError(err); }
        }}, t('staffAdmin.saveRoles')),
        a.username === account().username ? null : h('button', {type: 'button', id: 'edit-enable', onclick: async () => {
          if (a.enabled && !confirm(t('staffAdmin.confirmDisable', {name: a.displayName}))) return;
          try {
            await api('PUT', `/staff/${encodeURIComponent(a.username)}/enabled`, {enabled: !a.enabled});
            say(a.enabled ? t('staffAdmin.disabled') : t('staffAdmin.enabled'));
            reload();
          } catch (err) { sayError(err); }
        }}, a.enabled ? t('staffAdmin.disable') : t('staffAdmin.enable'))),
      h('div', {class: 'row'}, field('edit-password', t('staffAdmin.newPassword'), password),
        h('button', {type: 'button', id: 'edit-password-set', onclick: async () => {
          try {
            await api('PUT', `/staff/${encodeURIComponent(a.username)}/password`, {password: password.value});
            password.value = '';
            say(t('staffAdmin.passwordSet'));
          } catch (err) { sayError(err); }
        }}, t('staffAdmin.setPassword'))));
  };
  who.addEventListener('change', draw);
  return h('form', {id: 'staff-edit', onsubmit: (e) => e.preventDefault()}, h('h3', {}, t('staffAdmin.edit')),
    field('edit-who', t('staffAdmin.account'), who), holder);
}

function departmentsPanel(departments, reload) {
  const code = h('input', {type: 'text', required: true, maxlength: 30, autocomplete: 'off'});
  const name = h('input', {type: 'text', required: true, maxlength: 200});
  return h('div', {class: 'panel'}, h('h2', {}, t('staffAdmin.departments')),
    h('table', {id: 'departments-table'}, h('tr', {}, [t('staffAdmin.code'), t('name')].map((c) => h('th', {scope: 'col'}, c))),
      departments.map((d) => h('tr', {}, h('td', {}, d.code), h('td', {}, d.name)))),
    h('form', {id: 'department-form', onsubmit: async (e) => {
      e.preventDefault();
      try {
        await api('PUT', `/departments/${encodeURIComponent(code.value.trim().toUpperCase())}`, {name: name.value});
        say(t('saved'));
        reload();
      } catch (err) { sayError(err); }
    }}, h('h3', {}, t('staffAdmin.department')),
    h('div', {class: 'row'}, field('dept-code', t('staffAdmin.code'), code), field('dept-name', t('name'), name),
      h('button', {type: 'submit', id: 'dept-save'}, t('staffAdmin.saveDepartment')))));
}

function keysPanel(keys, reload) {
  const name = h('input', {type: 'text', required: true, maxlength: 100});
  const shown = h('p', {id: 'key-issued', class: 'readout', tabindex: -1, hidden: true});
  return h('div', {class: 'panel'}, h('h2', {}, t('keys.title')),
    h('table', {id: 'keys-table'},
      h('tr', {}, [t('keys.id'), t('keys.client'), t('keys.issued'), t('keys.revoked'), ''].map((c) => h('th', {scope: 'col'}, c))),
      keys.map((k) => h('tr', {dataset: {key: k.id}}, h('td', {}, k.id), h('td', {}, k.name),
        h('td', {}, `${when(k.issuedAt)} (${k.issuedBy})`), h('td', {}, k.revokedAt ? when(k.revokedAt) : '—'),
        h('td', {}, k.revokedAt ? null : h('button', {type: 'button', class: 'revoke-key',
          'aria-label': `${t('keys.revoke')}: ${k.name}`, onclick: async () => {
            if (!confirm(t('keys.confirmRevoke', {name: k.name}))) return;
            try { await api('DELETE', `/open311/keys/${encodeURIComponent(k.id)}`); say(t('keys.revokedNow')); reload(); } catch (err) { sayError(err); }
          }}, t('keys.revoke')))))),
    h('form', {id: 'key-form', onsubmit: async (e) => {
      e.preventDefault();
      try {
        const issued = await post('/open311/keys', {name: name.value});
        shown.textContent = `${t('keys.once')} ${issued.key}`;
        shown.hidden = false;
        shown.focus?.();
      } catch (err) { sayError(err); }
    }}, h('div', {class: 'row'}, field('key-client', t('keys.client'), name),
      h('button', {type: 'submit', id: 'key-issue'}, t('keys.issue'))), shown));
}

/** The administrator's staff, department, request type and Open311 key panels; the screen is drawn again after each change. */
export async function staffAdministration(holder) {
  // The keys are the web channel's: without it, no panel.
  const [staff, departments, keys] = await Promise.all([get('/staff'), get('/departments'),
    get('/open311/keys').catch(() => null)]);
  const reload = () => redraw();
  holder.replaceChildren(h('div', {class: 'panel'}, h('h2', {}, t('staffAdmin.title')),
    newAccountForm(departments, reload), editAccountForm(staff, departments, reload)),
  departmentsPanel(departments, reload), await requestTypesPanel(departments, reload), keys ? keysPanel(keys, reload) : null);
  return holder;
}
