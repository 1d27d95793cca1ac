// Every label of the console, in Romanian and English. The language is the operator's choice, kept in the browser.

export const MESSAGES = {
  ro: {
    skip: 'Salt la conținut', language: 'Limba', logout: 'Ieșire', callDesk: 'Apeluri', requests: 'Cereri', admin: 'Administrare',
    loginTitle: 'Autentificare personal', username: 'Utilizator', password: 'Parolă', login: 'Intră',
    loginFailed: 'Utilizatorul sau parola nu sunt corecte.', sessionEnded: 'Sesiunea a expirat. Autentificați-vă din nou.',
    startCall: 'Începe apelul', channel: 'Canal', channels: {phone: 'Telefon', desk: 'Ghișeu', email: 'E-mail', web: 'Web'},
    noCall: 'Niciun apel în curs.', callStarted: 'Apel început la', findCaller: 'Caută apelantul (CNP/CUI, nume sau adresă)',
    noResults: 'Niciun rezultat.', typeMore: 'Scrieți cel puțin 3 caractere sau un CNP/CUI.',
    verifyTitle: 'Verificați identitatea apelantului', verifyHint: 'Întrebați și comparați răspunsurile înainte de orice altă informație.',
    verified: 'Identitate verificată', notVerified: 'Nu poate fi verificat', callerVerified: 'Apelant verificat',
    question: 'Întrebare', answer: 'Răspuns', profile: 'Fișa cetățeanului', pastRequests: 'Cereri anterioare',
    pastInteractions: 'Contacte anterioare', none: 'Nimic.', unavailable: 'Surse indisponibile acum',
    knowledge: 'Întrebări frecvente (acte și probleme)', search: 'Caută', documents: 'Acte necesare', fees: 'Taxe',
    office: 'Unde', hours: 'Program', steps: 'Pași',
    newRequest: 'Înregistrează o cerere', type: 'Tip', description: 'Descriere', address: 'Adresă', lat: 'Latitudine', lon: 'Longitudine',
    attachments: 'Atașamente', file: 'Înregistrează', filed: 'Cererea a fost înregistrată', number: 'Număr de înregistrare',
    deadline: 'Termen de răspuns', trackingCode: 'Cod de urmărire', howToFollow: 'Urmăriți cererea pe portal sau la telefon cu numărul și codul de mai sus.',
    closeCall: 'Închide apelul', outcome: 'Rezultat', remarks: 'Observații', close: 'Închide',
    outcomes: {information_given: 'Informații oferite', request_filed: 'Cerere înregistrată', transferred: 'Transferat',
      not_justified: 'Nejustificat', abandoned: 'Abandonat'},
    callClosed: 'Apel închis.', shortcuts: 'Scurtături',
    status: 'Stare', department: 'Departament', assignee: 'Responsabil', overdue: 'Depășite', text: 'Text', from: 'De la', to: 'Până la',
    all: 'Toate', yes: 'Da', no: 'Nu', registered: 'Înregistrată', previous: 'Înapoi', next: 'Înainte', of: 'din',
    history: 'Istoric', changeStatus: 'Schimbă starea', comment: 'Comentariu', addComment: 'Adaugă comentariu',
    assign: 'Repartizează', save: 'Salvează', attach: 'Atașează fișier', citizen: 'Cetățean', workload: 'Încărcare pe angajat',
    installed: 'Instalat acum', feature: 'Funcționalitate', name: 'Nume', enabled: 'Activ', unassigned: 'Nerepartizate',
    openRequests: 'Cereri deschise', staff: 'Personal', requestTypes: 'Tipuri de cereri', roles: 'Roluri', sla: 'Termen (zile lucrătoare)',
    kinds: {created: 'Creată', assigned: 'Repartizată', status_changed: 'Stare schimbată', commented: 'Comentariu', attachment_added: 'Atașament'},
    taxDetail: 'Detaliu taxe și plăți', taxObject: 'Bun impozabil', year: 'An', amount: 'Sumă', due: 'Scadență', paid: 'Plătit',
    unpaid: 'Neplătit', owedNow: 'De plată acum', paidThisYear: 'Plătit anul acesta',
    map: 'Hartă (opțional: clic sau săgeți pentru a marca locul)',
    mapHelp: 'Harta orașului. Clic pentru a marca locul; săgețile mută marcajul cu 10 m, cu Shift cu 100 m.',
    saved: 'Salvat.', reason: 'apel la ghișeul de relații cu publicul'
  },
  en: {
    skip: 'Skip to content', language: 'Language', logout: 'Log out', callDesk: 'Call desk', requests: 'Requests', admin: 'Admin',
    loginTitle: 'Staff log in', username: 'User name', password: 'Password', login: 'Log in',
    loginFailed: 'The user name or the password is wrong.', sessionEnded: 'Your session ended. Please log in again.',
    startCall: 'Start call', channel: 'Channel', channels: {phone: 'Phone', desk: 'Front desk', email: 'E-mail', web: 'Web'},
    noCall: 'No call in progress.', callStarted: 'Call started at', findCaller: 'Find the caller (CNP/CUI, name or address)',
    noResults: 'No results.', typeMore: 'Type at least 3 characters or a CNP/CUI.',
    verifyTitle: 'Verify the caller', verifyHint: 'Ask and compare the answers before giving any other information.',
    verified: 'Identity verified', notVerified: 'Cannot verify', callerVerified: 'Caller verified',
    question: 'Question', answer: 'Answer', profile: 'Citizen profile', pastRequests: 'Past requests',
    pastInteractions: 'Past contacts', none: 'None.', unavailable: 'Sources unavailable right now',
    knowledge: 'Knowledge base (acts and problems)', search: 'Search', documents: 'Documents needed', fees: 'Fees',
    office: 'Where', hours: 'Opening hours', steps: 'Steps',
    newRequest: 'File a request', type: 'Type', description: 'Description', address: 'Address', lat: 'Latitude', lon: 'Longitude',
    attachments: 'Attachments', file: 'File request', filed: 'The request is filed', number: 'Registration number',
    deadline: 'Answer due by', trackingCode: 'Tracking code', howToFollow: 'Follow the request on the portal or by phone with the number and code above.',
    closeCall: 'Close call', outcome: 'Outcome', remarks: 'Remarks', close: 'Close',
    outcomes: {information_given: 'Information given', request_filed: 'Request filed', transferred: 'Transferred',
      not_justified: 'Not justified', abandoned: 'Abandoned'},
    callClosed: 'Call closed.', shortcuts: 'Shortcuts',
    status: 'Status', department: 'Department', assignee: 'Assignee', overdue: 'Overdue', text: 'Text', from: 'From', to: 'To',
    all: 'All', yes: 'Yes', no: 'No', registered: 'Registered', previous: 'Previous', next: 'Next', of: 'of',
    history: 'History', changeStatus: 'Change status', comment: 'Comment', addComment: 'Add comment',
    assign: 'Assign', save: 'Save', attach: 'Attach file', citizen: 'Citizen', workload: 'Workload per employee',
    installed: 'Installed now', feature: 'Feature', name: 'Name', enabled: 'Enabled', unassigned: 'Not assigned',
    openRequests: 'Open requests', staff: 'Staff', requestTypes: 'Request types', roles: 'Roles', sla: 'Deadline (working days)',
    kinds: {created: 'Created', assigned: 'Assigned', status_changed: 'Status changed', commented: 'Comment', attachment_added: 'Attachment'},
    taxDetail: 'Tax and payment detail', taxObject: 'Taxed property', year: 'Year', amount: 'Amount', due: 'Due', paid: 'Paid',
    unpaid: 'Unpaid', owedNow: 'Owed now', paidThisYear: 'Paid this year',
    map: 'Map (optional: click or use the arrow keys to mark the place)',
    mapHelp: 'City map. Click to mark the place; the arrow keys move the mark by 10 m, with Shift by 100 m.',
    saved: 'Saved.', reason: 'call desk: answering the citizen'
  }
};

let language = (globalThis.localStorage && localStorage.getItem('civicdesk.lang')) || 'ro';

export function lang() { return language; }

export function setLang(value) {
  language = MESSAGES[value] ? value : 'ro';
  if (globalThis.localStorage) localStorage.setItem('civicdesk.lang', language);
  document.documentElement.lang = language;
}

/** The label for key ("outcomes.abandoned" reaches into groups); the key itself if none. */
export function t(key) {
  const found = key.split('.').reduce((m, k) => (m && m[k] !== undefined ? m[k] : undefined), MESSAGES[language]);
  return found === undefined ? key : found;
}

/** A date and time in the operator's language. */
export function when(iso) {
  return iso ? new Date(iso).toLocaleString(language === 'ro' ? 'ro-RO' : 'en-GB') : '';
}

export function day(iso) {
  return iso ? new Date(iso + (iso.length === 10 ? 'T12:00:00' : '')).toLocaleDateString(language === 'ro' ? 'ro-RO' : 'en-GB') : '';
}
