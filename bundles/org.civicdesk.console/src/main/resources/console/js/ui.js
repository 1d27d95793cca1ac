// What screens share with the shell: the status line and moving between screens. The shell hands over how
// a screen is drawn (drawWith), so no screen imports the shell.

/** Where the console lives; its screens' paths ('/requests', …) follow it. */
export const ROOT = '/console';
let draw = () => {};

/** The shell's way of drawing the screen of the current address. */
export function drawWith(renderer) { draw = renderer; }

/** Shows a message on the status line (read out by screen readers). */
export function say(message, kind = 'ok') {
  const status = document.getElementById('status');
  status.className = 'status ' + kind;
  status.textContent = message || '';
}

export function sayError(error) {
  say(error && error.message ? error.message : String(error), 'error');
}

/** The current screen's path below ROOT ('/' for the call desk). */
export function currentPath() {
  const p = location.pathname.startsWith(ROOT) ? location.pathname.slice(ROOT.length) : '/';
  return p || '/';
}

/** Goes to a screen, e.g. navigate('/requests'). */
export function navigate(path) {
  history.pushState({}, '', ROOT + path);
  draw();
}

/** Draws the current screen again, e.g. after a screen changed its filters. */
export function redraw() {
  return draw();
}
