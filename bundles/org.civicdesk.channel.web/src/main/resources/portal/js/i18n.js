// Every label of the citizens' portal, in Romanian and English.
import {translations} from '/web/i18n.js';

export const MESSAGES = {
  ro: {
    skip: 'Salt la conținut', language: 'Limba', cityHall: 'Primăria', title: 'Portalul cetățeanului',
    home: 'Acasă', report: 'Semnalează o problemă', follow: 'Urmărește o cerere', reports: 'Harta sesizărilor',
    help: 'Ce acte îmi trebuie?',
    homeIntro: 'Semnalați o problemă din oraș, urmăriți o cerere sau aflați ce acte vă trebuie. Pentru orice altceva sunați la primărie.',
    reportHint: 'Spuneți ce și unde; o poză ajută. Numele și datele de contact sunt opționale și nu se publică.',
    category: 'Categoria', description: 'Descrierea problemei', place: 'Locul', mapHelp:
      'Harta orașului. Clic pentru a marca locul; săgețile mută marcajul cu 10 m, cu Shift cu 100 m.',
    useGps: 'Folosește poziția mea', gpsFailed: 'Poziția nu a putut fi aflată; marcați locul pe hartă.',
    lat: 'Latitudine', lon: 'Longitudine', address: 'Adresa sau un reper', photos: 'Poze (cel mult 5)',
    photoPlace: 'Locul a fost luat din poză.', tooManyPhotos: 'Cel mult 5 poze.',
    contact: 'Date de contact (opțional, nu se publică)', firstName: 'Prenume', lastName: 'Nume', email: 'E-mail', phone: 'Telefon',
    send: 'Trimite sesizarea', sending: 'Se trimite…',
    nearby: 'Sesizări deschise din aceeași categorie, la mai puțin de 50 m', nearbyHint:
      'Dacă este aceeași problemă, susțineți sesizarea existentă în loc să trimiteți una nouă.',
    support: 'Este aceeași problemă', supported: 'Mulțumim! Susținerea a fost înregistrată la sesizarea',
    filed: 'Sesizarea a fost înregistrată.', number: 'Număr de înregistrare', deadline: 'Termen de rezolvare',
    followLink: 'Urmăriți sesizarea', followHint: 'Scrieți numărul de înregistrare (de exemplu 2026/000123).',
    find: 'Caută', notFound: 'Nu am găsit o cerere publică cu acest număr.', status: 'Stare', lastChange: 'Ultima modificare',
    department: 'Compartimentul responsabil', history: 'Istoric', notes: 'Observații', registeredOn: 'Înregistrată la',
    statuses: {open: 'În lucru', closed: 'Rezolvată'},
    detailed: {registered: 'Înregistrată', assigned: 'Repartizată', in_progress: 'În lucru',
      waiting_for_citizen: 'Așteaptă informații de la cetățean', resolved: 'Rezolvată', rejected: 'Respinsă', closed: 'Închisă'},
    noteTypes: {opened: 'Înregistrată', status_changed: 'Stare schimbată'},
    allCategories: 'Toate categoriile', anyStatus: 'Toate', filter: 'Arată', listHeading: 'Sesizările de pe hartă',
    none: 'Nicio sesizare.', when: 'Data', what: 'Ce', where: 'Unde',
    helpHint: 'De exemplu: certificat de naștere, autorizație de construire, impozit mașină.', search: 'Caută',
    documents: 'Acte necesare', fees: 'Taxe', office: 'Unde', hours: 'Program', steps: 'Pași', noAnswers: 'Niciun răspuns găsit.',
    required: 'obligatoriu', failed: 'A apărut o eroare:',
  },
  en: {
    skip: 'Skip to content', language: 'Language', cityHall: 'City Hall', title: 'Citizens\' portal',
    home: 'Home', report: 'Report a problem', follow: 'Follow a request', reports: 'Map of reports',
    help: 'What do I need?',
    homeIntro: 'Report a problem in the city, follow a request or find out which documents you need. For anything else, call the city hall.',
    reportHint: 'Say what and where; a photo helps. Your name and contact details are optional and never published.',
    category: 'Category', description: 'What is the problem', place: 'Place', mapHelp:
      'City map. Click to mark the place; the arrow keys move the mark by 10 m, with Shift by 100 m.',
    useGps: 'Use my location', gpsFailed: 'Your location could not be found; mark the place on the map.',
    lat: 'Latitude', lon: 'Longitude', address: 'Address or a landmark', photos: 'Photos (at most 5)',
    photoPlace: 'The place was taken from the photo.', tooManyPhotos: 'At most 5 photos.',
    contact: 'Contact details (optional, never published)', firstName: 'First name', lastName: 'Last name', email: 'E-mail',
    phone: 'Phone', send: 'Send the report', sending: 'Sending…',
    nearby: 'Open reports of the same category less than 50 m away', nearbyHint:
      'If it is the same problem, support the existing report instead of sending a new one.',
    support: 'It is the same problem', supported: 'Thank you! Your support was recorded on report',
    filed: 'Your report is registered.', number: 'Registration number', deadline: 'Deadline',
    followLink: 'Follow your report', followHint: 'Type the registration number (for example 2026/000123).',
    find: 'Find', notFound: 'No public request has this number.', status: 'Status', lastChange: 'Last change',
    department: 'Responsible department', history: 'History', notes: 'Notes', registeredOn: 'Registered on',
    statuses: {open: 'Being handled', closed: 'Resolved'},
    detailed: {registered: 'Registered', assigned: 'Assigned', in_progress: 'In progress',
      waiting_for_citizen: 'Waiting for the citizen', resolved: 'Resolved', rejected: 'Rejected', closed: 'Closed'},
    noteTypes: {opened: 'Registered', status_changed: 'Status changed'},
    allCategories: 'All categories', anyStatus: 'All', filter: 'Show', listHeading: 'The reports on the map',
    none: 'No reports.', when: 'Date', what: 'What', where: 'Where',
    helpHint: 'For example: birth certificate, building permit, car tax.', search: 'Search',
    documents: 'Documents to bring', fees: 'Fees', office: 'Where', hours: 'Opening hours', steps: 'Steps',
    noAnswers: 'No answer found.', required: 'required', failed: 'Something went wrong:',
  },
};

export const {lang, setLang, t, when, day} = translations(MESSAGES, 'civicdesk.portal.lang');
