// Who is logged in on this console. The shell sets it; screens read it to offer what the roles allow.
let current = null;

/** The logged-in account ({username, displayName, roles}), or null before login and after the session ends. */
export function account() { return current; }

export function setAccount(value) { current = value; }

/** Whether the logged-in account has any of the roles (given in lower case). */
export function hasRole(...roles) {
  const mine = current ? current.roles.map((r) => r.toLowerCase()) : [];
  return roles.some((r) => mine.includes(r));
}
