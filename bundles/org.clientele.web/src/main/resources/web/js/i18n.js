// German and English strings in one place. The language comes from the browser unless the
// user picked one; only that choice is remembered (localStorage key "clientele.lang").

const STRINGS = {
  en: {
    appName: 'Clientele',
    skipToContent: 'Skip to content',
    language: 'Language',
    signIn: 'Sign in',
    signInTitle: 'Sign in to Clientele',
    signInHint: 'Use your Clientele user. Your password stays in this page only and is forgotten when you sign out or reload.',
    user: 'User',
    password: 'Password',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {user}',
    badCredentials: 'Wrong user or password.',
    noRole: 'Your user may not read clients (role clients-viewer missing).',
    sessionEnded: 'Please sign in again.',
    navigation: 'Main navigation',
    sales: 'Sales',
    clients: 'Clients',
    search: 'Search clients',
    searchPlaceholder: 'Name, number, tax ID, city, e-mail',
    showArchived: 'Show archived',
    addClient: '+ Add client',
    more: 'More',
    moreLabel: 'More actions',
    importClients: 'Import…',
    exportCsv: 'Export CSV',
    exportXlsx: 'Export XLSX',
    exported: 'Downloaded {name}.',
    colNumber: 'Number',
    colLegalName: 'Legal name',
    colCity: 'City',
    colCountry: 'Country',
    colTaxId: 'Tax ID',
    colUpdated: 'Updated',
    sortBy: 'Sort by {column}',
    sort: 'Sort',
    archived: 'archived',
    loading: 'Loading…',
    noClients: 'No clients match.',
    range: '{from}–{to} of {total}',
    clientsFound: '{total} clients',
    first: 'First page',
    prev: 'Previous page',
    next: 'Next page',
    last: 'Last page',
    paging: 'Pages',
    close: 'Close',
    cancel: 'Cancel',
    create: 'Create',
    save: 'Save',
    newClient: 'Add client',
    legalName: 'Legal name',
    taxId: 'Tax ID (optional)',
    street: 'Street',
    postalCode: 'Postal code',
    city: 'City',
    country: 'Country',
    region: 'Region',
    email: 'E-mail',
    phone: 'Phone',
    website: 'Website',
    address: 'Address',
    required: 'required',
    fixFields: 'Please correct the marked fields.',
    duplicateOf: 'This client already exists:',
    openExisting: 'open {name} ({number})',
    created: 'Client {name} created.',
    possibleDuplicate: 'Note: a similar client exists:',
    taxIdOk: 'Tax ID looks valid ({normalized}).',
    taxIdUnchecked: 'No rules for this country: stored as {normalized}, not checked.',
    backToList: 'Back to clients',
    tabs: 'Client sections',
    legalAndContact: 'Legal and contact details',
    taxIdLabel: 'Tax ID',
    taxIdStatus: { VALID_FORMAT: 'valid', UNCHECKED: 'not checked' },
    none: '—',
    contacts: 'Contacts',
    tags: 'Tags',
    noContacts: 'No contacts.',
    sectionFailed: 'This section could not be loaded.',
    sectionTimeout: 'This section took too long.',
    editContact: 'Edit contact details',
    editTitle: 'Edit contact details',
    contactName: 'Name',
    contactRole: 'Role',
    addContact: 'Add contact',
    removeContact: 'Remove contact {n}',
    contactN: 'Contact {n}',
    saved: 'Saved.',
    conflict: 'Someone else changed this client after you opened it. Your changes were not saved.',
    reload: 'Reload the current data',
    reloaded: 'Reloaded the current data. Make your changes again if they are still needed.',
    notFound: 'This client does not exist (any more).',
    forbidden: 'Your user lacks the role this needs.',
    error: 'Something went wrong: {detail}',
    offline: 'The server cannot be reached.',
    upload: 'Upload',
    chooseFile: 'File',
    uploading: 'Uploading…',
    uploaded: 'Uploaded {name}.',
    tooLarge: 'The file is larger than {max}.',
    noFile: 'Choose a file first.',
    download: 'Download {name}',
    rowsOf: '{shown} of {total}',
    moreRows: 'Show more',
    unsupported: 'This content cannot be shown here.',
    importTitle: 'Import clients',
    importFile: 'CSV or XLSX file',
    importMode: 'Mode',
    modeCreate: 'Create new clients only',
    modeUpsert: 'Create or update',
    importKey: 'Match existing clients by',
    keyNumber: 'Number',
    keyTaxId: 'Tax ID',
    keyLegalName: 'Legal name',
    onError: 'Rows with errors',
    onErrorAbort: 'Import nothing (all or nothing)',
    onErrorSkip: 'Skip them, import the rest',
    dryRun: 'Check (dry run)',
    startImport: 'Start import',
    dialect: 'Detected file format',
    mapping: 'Column mapping',
    column: 'Column',
    field: 'Field',
    ignoreColumn: '(ignore)',
    diff: 'What the import would do',
    rowNo: 'Row',
    outcome: 'Outcome',
    details: 'Details',
    progress: 'Progress',
    progressText: '{done} of {rows} rows',
    importState: { QUEUED: 'queued', RUNNING: 'running', DONE: 'done', FAILED: 'failed', UNDOING: 'being undone', UNDONE: 'undone' },
    counts: 'Created {created}, updated {updated}, unchanged {unchanged}, skipped {skipped}, failed {failed}.',
    downloadErrors: 'Download failed rows',
    importErrors: '{n} rows have errors.',
    importDone: 'Import finished.',
    dryRunDone: 'Check finished: nothing was saved.',
    importUnavailable: 'Import is not available on this server.',
    outcomes: { CREATE: 'create', UPDATE: 'update', SKIP: 'skip', ERROR: 'error', UNCHANGED: 'unchanged' },
  },
  de: {
    appName: 'Clientele',
    skipToContent: 'Zum Inhalt springen',
    language: 'Sprache',
    signIn: 'Anmelden',
    signInTitle: 'Bei Clientele anmelden',
    signInHint: 'Mit Ihrem Clientele-Benutzer. Das Passwort bleibt nur in dieser Seite und wird beim Abmelden oder Neuladen vergessen.',
    user: 'Benutzer',
    password: 'Passwort',
    signOut: 'Abmelden',
    signedInAs: 'Angemeldet als {user}',
    badCredentials: 'Benutzer oder Passwort falsch.',
    noRole: 'Ihr Benutzer darf keine Kunden lesen (Rolle clients-viewer fehlt).',
    sessionEnded: 'Bitte melden Sie sich erneut an.',
    navigation: 'Hauptnavigation',
    sales: 'Vertrieb',
    clients: 'Kunden',
    search: 'Kunden suchen',
    searchPlaceholder: 'Name, Nummer, Steuer-ID, Ort, E-Mail',
    showArchived: 'Archivierte anzeigen',
    addClient: '+ Kunde hinzufügen',
    more: 'Mehr',
    moreLabel: 'Weitere Aktionen',
    importClients: 'Importieren…',
    exportCsv: 'Als CSV exportieren',
    exportXlsx: 'Als XLSX exportieren',
    exported: '{name} heruntergeladen.',
    colNumber: 'Nummer',
    colLegalName: 'Rechtlicher Name',
    colCity: 'Ort',
    colCountry: 'Land',
    colTaxId: 'Steuer-ID',
    colUpdated: 'Geändert',
    sortBy: 'Nach {column} sortieren',
    sort: 'Sortierung',
    archived: 'archiviert',
    loading: 'Wird geladen…',
    noClients: 'Keine passenden Kunden.',
    range: '{from}–{to} von {total}',
    clientsFound: '{total} Kunden',
    first: 'Erste Seite',
    prev: 'Vorige Seite',
    next: 'Nächste Seite',
    last: 'Letzte Seite',
    paging: 'Seiten',
    close: 'Schließen',
    cancel: 'Abbrechen',
    create: 'Erstellen',
    save: 'Speichern',
    newClient: 'Kunde hinzufügen',
    legalName: 'Rechtlicher Name',
    taxId: 'Steuer-ID (optional)',
    street: 'Straße',
    postalCode: 'Postleitzahl',
    city: 'Ort',
    country: 'Land',
    region: 'Region',
    email: 'E-Mail',
    phone: 'Telefon',
    website: 'Website',
    address: 'Adresse',
    required: 'Pflichtfeld',
    fixFields: 'Bitte korrigieren Sie die markierten Felder.',
    duplicateOf: 'Diesen Kunden gibt es schon:',
    openExisting: '{name} ({number}) öffnen',
    created: 'Kunde {name} erstellt.',
    possibleDuplicate: 'Hinweis: Es gibt einen ähnlichen Kunden:',
    taxIdOk: 'Steuer-ID scheint gültig ({normalized}).',
    taxIdUnchecked: 'Keine Regeln für dieses Land: wird als {normalized} gespeichert, ungeprüft.',
    backToList: 'Zurück zu den Kunden',
    tabs: 'Bereiche des Kunden',
    legalAndContact: 'Rechtliche Angaben und Kontakt',
    taxIdLabel: 'Steuer-ID',
    taxIdStatus: { VALID_FORMAT: 'gültig', UNCHECKED: 'ungeprüft' },
    none: '—',
    contacts: 'Ansprechpartner',
    tags: 'Schlagwörter',
    noContacts: 'Keine Ansprechpartner.',
    sectionFailed: 'Dieser Bereich konnte nicht geladen werden.',
    sectionTimeout: 'Dieser Bereich hat zu lange gebraucht.',
    editContact: 'Kontaktdaten bearbeiten',
    editTitle: 'Kontaktdaten bearbeiten',
    contactName: 'Name',
    contactRole: 'Funktion',
    addContact: 'Ansprechpartner hinzufügen',
    removeContact: 'Ansprechpartner {n} entfernen',
    contactN: 'Ansprechpartner {n}',
    saved: 'Gespeichert.',
    conflict: 'Jemand anderes hat diesen Kunden geändert, nachdem Sie ihn geöffnet haben. Ihre Änderungen wurden nicht gespeichert.',
    reload: 'Aktuellen Stand laden',
    reloaded: 'Aktueller Stand geladen. Bitte ändern Sie erneut, falls noch nötig.',
    notFound: 'Diesen Kunden gibt es nicht (mehr).',
    forbidden: 'Ihrem Benutzer fehlt die nötige Rolle.',
    error: 'Etwas ist schiefgegangen: {detail}',
    offline: 'Der Server ist nicht erreichbar.',
    upload: 'Hochladen',
    chooseFile: 'Datei',
    uploading: 'Wird hochgeladen…',
    uploaded: '{name} hochgeladen.',
    tooLarge: 'Die Datei ist größer als {max}.',
    noFile: 'Bitte zuerst eine Datei wählen.',
    download: '{name} herunterladen',
    rowsOf: '{shown} von {total}',
    moreRows: 'Mehr anzeigen',
    unsupported: 'Dieser Inhalt kann hier nicht angezeigt werden.',
    importTitle: 'Kunden importieren',
    importFile: 'CSV- oder XLSX-Datei',
    importMode: 'Modus',
    modeCreate: 'Nur neue Kunden anlegen',
    modeUpsert: 'Anlegen oder aktualisieren',
    importKey: 'Bestehende Kunden erkennen an',
    keyNumber: 'Nummer',
    keyTaxId: 'Steuer-ID',
    keyLegalName: 'Rechtlicher Name',
    onError: 'Zeilen mit Fehlern',
    onErrorAbort: 'Nichts importieren (alles oder nichts)',
    onErrorSkip: 'Überspringen, den Rest importieren',
    dryRun: 'Prüfen (Probelauf)',
    startImport: 'Import starten',
    dialect: 'Erkanntes Dateiformat',
    mapping: 'Spaltenzuordnung',
    column: 'Spalte',
    field: 'Feld',
    ignoreColumn: '(ignorieren)',
    diff: 'Was der Import tun würde',
    rowNo: 'Zeile',
    outcome: 'Ergebnis',
    details: 'Details',
    progress: 'Fortschritt',
    progressText: '{done} von {rows} Zeilen',
    importState: { QUEUED: 'wartet', RUNNING: 'läuft', DONE: 'fertig', FAILED: 'fehlgeschlagen', UNDOING: 'wird rückgängig gemacht', UNDONE: 'rückgängig gemacht' },
    counts: 'Angelegt {created}, aktualisiert {updated}, unverändert {unchanged}, übersprungen {skipped}, fehlerhaft {failed}.',
    downloadErrors: 'Fehlerhafte Zeilen herunterladen',
    importErrors: '{n} Zeilen haben Fehler.',
    importDone: 'Import abgeschlossen.',
    dryRunDone: 'Prüfung abgeschlossen: nichts wurde gespeichert.',
    importUnavailable: 'Import ist auf diesem Server nicht verfügbar.',
    // the API explains errors in English; these codes get German words, others stay as sent
    codes: {
      REQUIRED: 'Pflichtfeld.',
      TOO_LONG: 'Zu lang.',
      TAX_ID_CHECKSUM: 'Die Prüfziffer dieser Steuer-ID ist falsch.',
      TAX_ID_FORMAT: 'Diese Steuer-ID hat nicht das Format ihres Landes.',
      TAX_ID_COUNTRY: 'Das Länderkürzel der Steuer-ID ist unbekannt oder passt nicht zum Land.',
    },
    outcomes: { CREATE: 'anlegen', UPDATE: 'ändern', SKIP: 'überspringen', ERROR: 'Fehler', UNCHANGED: 'unverändert' },
  },
};

export const LANGUAGES = ['de', 'en'];
const KEY = 'clientele.lang';

function initial() {
  try {
    const stored = localStorage.getItem(KEY);
    if (LANGUAGES.includes(stored)) return stored;
  } catch { /* storage may be disabled */ }
  const browser = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  return browser.toLowerCase().startsWith('de') ? 'de' : 'en';
}

let lang = initial();
const listeners = [];

export function language() {
  return lang;
}

/** Switches the language, remembers the choice and tells the listeners. */
export function setLanguage(next) {
  if (!LANGUAGES.includes(next) || next === lang) return;
  lang = next;
  try { localStorage.setItem(KEY, next); } catch { /* not remembered then */ }
  document.documentElement.lang = next;
  listeners.forEach((l) => l(next));
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

/** The string for `key` (dotted for nested maps) with {placeholders} filled in. */
export function t(key, params) {
  let value = key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), STRINGS[lang]);
  if (value === undefined) value = key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), STRINGS.en);
  if (value === undefined) return key;
  if (typeof value !== 'string') return value;
  return value.replace(/\{(\w+)\}/g, (m, name) => (params && params[name] !== undefined ? String(params[name]) : m));
}

/** A field error's message in the page's language when there is one for its code. */
export function fieldMessage(error) {
  const local = STRINGS[lang].codes && STRINGS[lang].codes[error.code];
  return local || error.message || error.code;
}

/** Numbers, dates and country names in the page's language. */
export function formatNumber(value) {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB').format(value);
}

export function formatDateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatDate(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** An exact decimal string ("1234.50") shown with grouping, without going through a float. */
export function formatDecimal(text) {
  if (text === null || text === undefined) return '';
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text));
  if (!m) return String(text);
  const group = lang === 'de' ? '.' : ',';
  const point = lang === 'de' ? ',' : '.';
  const whole = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return m[1] + whole + (m[3] ? point + m[3] : '');
}

export function countryName(code) {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) || code;
  } catch {
    return code;
  }
}

export function formatBytes(n) {
  if (n >= 1024 * 1024) return `${formatDecimal((n / 1024 / 1024).toFixed(1))} MB`;
  if (n >= 1024) return `${formatDecimal((n / 1024).toFixed(0))} KB`;
  return `${n} B`;
}

document.documentElement.lang = lang;
