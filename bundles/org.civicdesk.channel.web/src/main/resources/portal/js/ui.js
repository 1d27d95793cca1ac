// What the portal's screens share with the shell: the status line and moving between screens. The shell
// hands over how a screen is shown (showWith), so no screen imports the shell.
import {t} from './i18n.js';
import {h} from '/web/dom.js';

let show = () => {};

/** The shell's way of showing the screen of the current address. */
export function showWith(shower) { show = shower; }

/** A message for everyone, screen readers included (the status region is polite and live). */
export function say(text, isError = false) {
  const status = document.getElementById('status');
  status.classList.toggle('error', isError);
  status.textContent = text;
}

export function sayError(error) {
  say(`${t('failed')} ${error.message}`, true);
}

/** Goes to a screen of the portal, e.g. go('follow/2026-000123'). */
export function go(path) {
  history.pushState(null, '', `/portal/${path}`);
  show();
}

/**
 * A form's refusals at their fields: show(control, message) writes the message right after the control (which it then
 * describes), marks the control invalid, moves the focus there and says it for screen readers; clear() takes every
 * message away. A control needs its id.
 */
export function fieldErrors() {
  const shown = [];
  return {
    show(control, message) {
      const error = h('p', {class: 'error field-error', id: `${control.id}-error`}, message);
      control.after(error);
      control.setAttribute('aria-invalid', 'true');
      control.dataset.describedBy = control.getAttribute('aria-describedby') || '';
      control.setAttribute('aria-describedby', `${control.dataset.describedBy} ${error.id}`.trim());
      shown.push([control, error]);
      control.focus();
      say(message, true);
    },
    clear() {
      for (const [control, error] of shown.splice(0)) {
        error.remove();
        control.removeAttribute('aria-invalid');
        if (control.dataset.describedBy) control.setAttribute('aria-describedby', control.dataset.describedBy);
        else control.removeAttribute('aria-describedby');
        delete control.dataset.describedBy;
      }
    },
  };
}
