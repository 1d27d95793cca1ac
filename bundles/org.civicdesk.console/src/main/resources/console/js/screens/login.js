import {post} from '../api.js';
import {h, field} from '/web/dom.js';
import {t} from '../i18n.js';

/** The login form; calls loggedIn(account) once the session is open. */
export function loginScreen(loggedIn) {
  const username = h('input', {type: 'text', autocomplete: 'username', required: true});
  const password = h('input', {type: 'password', autocomplete: 'current-password', required: true});
  const error = h('p', {role: 'alert', class: 'overdue'});
  const form = h('form', {class: 'panel login', onsubmit: async (e) => {
    e.preventDefault();
    error.textContent = '';
    try {
      const session = await post('/session', {username: username.value, password: password.value});
      password.value = '';
      loggedIn(session.account);
    } catch (err) {
      error.textContent = err.status === 401 ? t('loginFailed') : err.status === 429 ? t('loginThrottled') : err.message;
      password.focus();
    }
  }},
  h('h1', {}, t('loginTitle')),
  field('login-user', t('username'), username),
  field('login-password', t('password'), password),
  error,
  h('div', {class: 'row'}, h('button', {type: 'submit', id: 'login-submit'}, t('login'))));
  setTimeout(() => username.focus(), 0);
  return form;
}
