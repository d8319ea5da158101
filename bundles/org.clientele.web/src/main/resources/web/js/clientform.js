// The client form used by "Add client" and "Edit contact details": labelled inputs, and the
// API's field errors (JSON paths such as address.postalCode) shown next to their fields.
import { h, uid } from './dom.js';
import { t, countryName, fieldMessage } from './i18n.js';
import { api } from './api.js';

export const COUNTRIES = ['DE', 'AT', 'CH', 'LI', 'LU', 'BE', 'NL', 'FR', 'IT', 'ES', 'PT', 'IE', 'GB', 'XI',
  'DK', 'SE', 'NO', 'FI', 'IS', 'PL', 'CZ', 'SK', 'HU', 'SI', 'HR', 'RO', 'BG', 'GR', 'CY', 'MT', 'EE', 'LV',
  'LT', 'US', 'CA'];

/**
 * Builds the fields. `client` gives the initial values; `options.contactData` adds e-mail,
 * phone, website and contacts. Answers {element, read(), showErrors(errors) → unknown errors,
 * clearErrors(), focusFirstError()}.
 */
export function clientForm(client = {}, options = {}) {
  const inputs = new Map(); // field path -> {input, error}
  const address = client.address || {};

  function field(path, label, input, hint) {
    const id = uid('f');
    const errorId = `${id}-error`;
    input.id = id;
    input.name = path;
    const described = [errorId];
    let hintEl = null;
    if (hint) {
      hintEl = h('p', { class: 'hint', id: `${id}-hint`, 'aria-live': 'polite' }, hint);
      described.push(`${id}-hint`);
    }
    input.setAttribute('aria-describedby', described.join(' '));
    const error = h('p', { class: 'field-error', id: errorId });
    inputs.set(path, { input, error, hint: hintEl });
    return h('div', { class: 'field', 'data-field': path },
      h('label', { for: id }, label, input.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
      input, hintEl, error);
  }

  const text = (value, attrs = {}) => h('input', { type: 'text', value: value ?? '', autocomplete: 'off', ...attrs });
  const country = h('select', { required: true },
    COUNTRIES.map((c) => h('option', { value: c, selected: c === (address.country || 'DE') }, `${countryName(c)} (${c})`)));
  if (address.country && !COUNTRIES.includes(address.country)) {
    country.prepend(h('option', { value: address.country, selected: true }, `${countryName(address.country)} (${address.country})`));
  }
  const taxId = text(client.taxId, { spellcheck: 'false' });

  const parts = [
    field('legalName', t('legalName'), text(client.legalName, { required: true, autofocus: true })),
    field('taxId', t('taxId'), taxId, ' '),
    h('fieldset', { class: 'address' }, h('legend', {}, t('address')),
      field('address.street', t('street'), text(address.street, { required: true, autocomplete: 'street-address' })),
      h('div', { class: 'row' },
        field('address.postalCode', t('postalCode'), text(address.postalCode, { required: true, autocomplete: 'postal-code', inputmode: 'text', size: 8 })),
        field('address.city', t('city'), text(address.city, { required: true }))),
      field('address.country', t('country'), country)),
  ];

  let contactsBox = null;
  let contacts = (client.contacts || []).map((c) => ({ ...c }));
  if (options.contactData) {
    parts.push(
      field('email', t('email'), text(client.email, { type: 'email', autocomplete: 'email' })),
      field('phone', t('phone'), text(client.phone, { type: 'tel', autocomplete: 'tel' })),
      field('website', t('website'), text(client.website, { type: 'url' })));
    contactsBox = h('fieldset', { class: 'contacts' });
    parts.push(contactsBox);
    renderContacts();
  }

  function renderContacts() {
    for (const key of [...inputs.keys()]) if (key.startsWith('contacts[')) inputs.delete(key);
    contactsBox.replaceChildren(h('legend', {}, t('contacts')));
    contacts.forEach((c, i) => {
      const n = i + 1;
      const bind = (key, input) => {
        input.addEventListener('input', () => { contacts[i][key] = input.value; });
        return input;
      };
      contactsBox.append(h('div', { class: 'contact-row', role: 'group', 'aria-label': t('contactN', { n }) },
        field(`contacts[${i}].name`, t('contactName'), bind('name', text(c.name))),
        field(`contacts[${i}].role`, t('contactRole'), bind('role', text(c.role))),
        field(`contacts[${i}].email`, t('email'), bind('email', text(c.email, { type: 'email' }))),
        field(`contacts[${i}].phone`, t('phone'), bind('phone', text(c.phone, { type: 'tel' }))),
        h('button', { type: 'button', class: 'link-button', onclick: () => { contacts.splice(i, 1); renderContacts(); } },
          t('removeContact', { n }))));
    });
    contactsBox.append(h('button', { type: 'button', class: 'secondary', onclick: () => {
      contacts.push({ name: '', role: '', email: '', phone: '' });
      renderContacts();
      const added = inputs.get(`contacts[${contacts.length - 1}].name`);
      if (added) added.input.focus();
    } }, t('addContact')));
  }

  // check the tax ID as the user leaves the field, without saving anything
  taxId.addEventListener('change', async () => {
    const hint = inputs.get('taxId').hint;
    const value = taxId.value.trim();
    if (!value) { hint.textContent = ' '; return; }
    try {
      const r = await api(`/api/tax-ids/${encodeURIComponent(value)}?country=${encodeURIComponent(country.value)}`);
      const c = r.body;
      if (c.valid) hint.textContent = c.kind === 'OTHER' ? t('taxIdUnchecked', c) : t('taxIdOk', c);
      else hint.textContent = fieldMessage(c);
      hint.classList.toggle('bad', !c.valid);
    } catch {
      hint.textContent = ' ';
    }
  });

  const value = (path) => {
    const v = inputs.get(path).input.value.trim();
    return v === '' ? null : v;
  };

  return {
    element: h('div', { class: 'client-form' }, parts),
    read() {
      const draft = {
        legalName: value('legalName'),
        taxId: value('taxId'),
        address: { street: value('address.street'), postalCode: value('address.postalCode'),
          city: value('address.city'), country: value('address.country') },
      };
      if (options.contactData) {
        draft.address.region = address.region ?? null;
        draft.email = value('email');
        draft.phone = value('phone');
        draft.website = value('website');
        draft.contacts = contacts
          .map((c) => ({ name: blank(c.name), role: blank(c.role), email: blank(c.email), phone: blank(c.phone) }))
          .filter((c) => c.name || c.role || c.email || c.phone);
      }
      return draft;
    },
    clearErrors() {
      for (const { input, error } of inputs.values()) {
        input.removeAttribute('aria-invalid');
        error.textContent = '';
      }
    },
    /** Shows each error at its field; answers the errors that have no field here. */
    showErrors(errors) {
      const unknown = [];
      for (const e of errors || []) {
        const target = inputs.get(e.field) || inputs.get(String(e.field || '').replace(/^\$\./, ''));
        if (!target) { unknown.push(e); continue; }
        target.input.setAttribute('aria-invalid', 'true');
        if (target.hint) target.hint.textContent = ' '; // the error says it now
        const text = fieldMessage(e);
        target.error.textContent = target.error.textContent ? `${target.error.textContent} ${text}` : text;
      }
      return unknown;
    },
    focusFirstError() {
      for (const { input } of inputs.values()) {
        if (input.getAttribute('aria-invalid') === 'true') { input.focus(); return; }
      }
    },
  };
}

function blank(v) {
  const s = (v ?? '').trim();
  return s === '' ? null : s;
}
