// What the portal's screens share with the shell: the status line and moving between screens. The shell
// hands over how a screen is shown (showWith), so no screen imports the shell.
import {t} from './i18n.js';

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
