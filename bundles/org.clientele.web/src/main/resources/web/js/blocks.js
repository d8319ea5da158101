// Generic tab content: every tab, built in or from an extension, is a list of blocks of the
// kinds fields, table, text and upload. Nothing here knows any particular tab.
import { h, uid } from './dom.js';
import { t, formatDate, formatDecimal, formatNumber, formatBytes } from './i18n.js';
import { api, ApiError, download } from './api.js';
import { announce } from './status.js';

/**
 * Renders blocks. `context.reload()` fetches the tab again (after an upload);
 * `context.more(limit)` fetches it with a larger page.
 */
export function renderBlocks(blocks, context) {
  return h('div', { class: 'blocks' }, (blocks || []).map((b) => renderBlock(b, context)));
}

function renderBlock(block, context) {
  const title = block.title ? h('h3', { class: 'block-title' }, block.title) : null;
  switch (block.kind) {
    case 'fields':
      return h('section', { class: 'block block-fields' }, title,
        h('dl', { class: 'fields' }, (block.fields || []).map((f) => [
          h('dt', {}, f.label), h('dd', {}, f.href ? linkTo(f.value || f.href, f.href) : (f.value ?? t('none')))])));
    case 'text':
      return h('section', { class: 'block block-text' }, title, h('p', {}, block.text));
    case 'table':
      return tableBlock(block, title, context);
    case 'upload':
      return uploadBlock(block, title, context);
    default:
      return h('section', { class: 'block block-unknown' }, title, h('p', { class: 'muted' }, t('unsupported')));
  }
}

/** An API path opens as an authenticated download; anything else is a plain link. */
function linkTo(label, href) {
  if (typeof href === 'string' && href.startsWith('/api/')) {
    return h('button', { type: 'button', class: 'link-button download', 'data-href': href,
      'aria-label': t('download', { name: label }),
      onclick: async (e) => {
        const button = e.currentTarget;
        button.disabled = true;
        try {
          const name = await download(href, label);
          announce(t('exported', { name }));
        } catch (err) {
          announce(t('error', { detail: err.message }));
        } finally {
          button.disabled = false;
        }
      } }, label);
  }
  if (typeof href === 'string' && /^https?:\/\//.test(href)) {
    return h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, label);
  }
  return label;
}

function cell(value, column) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'href' in value) return linkTo(value.label || value.href, value.href);
  const type = column.type;
  switch (type) {
    case 'date': return formatDate(String(value));
    case 'money': return formatDecimal(String(value));
    case 'hours': return formatDecimal(String(value));
    case 'number': return typeof value === 'number' ? formatNumber(value) : formatDecimal(String(value));
    case 'status': {
      // the cell holds the stable value (styled by it); the column may label it for people
      const labels = column.labels || {};
      const code = String(value);
      const label = Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : code;
      return h('span', { class: `status status-${code.toLowerCase().replace(/[^a-z0-9_-]/g, '')}`, 'data-value': code }, label);
    }
    default: return typeof value === 'boolean' ? (value ? '✓' : '–') : String(value);
  }
}

function tableBlock(block, title, context) {
  const columns = block.columns || [];
  const rows = block.rows || [];
  const numeric = (c) => ['number', 'money', 'hours'].includes(c.type);
  const captionId = uid('table');
  const table = h('table', { class: 'data', 'aria-labelledby': block.title ? captionId : null },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: numeric(c) ? 'num' : null }, c.label)))),
    h('tbody', {}, rows.length === 0
      ? h('tr', {}, h('td', { colspan: Math.max(1, columns.length), class: 'empty' }, t('none')))
      : rows.map((r) => h('tr', {}, r.map((v, i) => h('td', { class: numeric(columns[i] || {}) ? 'num' : null }, cell(v, columns[i] || {})))))));
  const total = typeof block.total === 'number' ? block.total : rows.length;
  const footer = total > rows.length
    ? h('p', { class: 'table-foot' }, t('rowsOf', { shown: formatNumber(rows.length), total: formatNumber(total) }), ' ',
      context && context.more ? h('button', { type: 'button', class: 'secondary', onclick: () => context.more(Math.min(500, rows.length + 50)) }, t('moreRows')) : null)
    : null;
  if (title) title.id = captionId;
  return h('section', { class: 'block block-table' }, title, h('div', { class: 'table-wrap' }, table), footer);
}

function uploadBlock(block, title, context) {
  const inputId = uid('upload');
  const input = h('input', { type: 'file', id: inputId, name: 'file' });
  const message = h('p', { class: 'form-message', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'primary' }, t('upload'));
  const form = h('form', { class: 'block block-upload' }, title,
    h('div', { class: 'field' }, h('label', { for: inputId }, t('chooseFile')), input,
      block.maxBytes ? h('p', { class: 'hint' }, `≤ ${formatBytes(block.maxBytes)}`) : null),
    button, message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = input.files && input.files[0];
    message.classList.remove('bad');
    if (!file) { message.textContent = t('noFile'); message.classList.add('bad'); return; }
    if (block.maxBytes && file.size > block.maxBytes) {
      message.textContent = t('tooLarge', { max: formatBytes(block.maxBytes) });
      message.classList.add('bad');
      return;
    }
    const data = new FormData();
    data.append('file', file, file.name);
    button.disabled = true;
    message.textContent = t('uploading');
    try {
      await api(block.href, { method: 'POST', body: data });
      announce(t('uploaded', { name: file.name }));
      if (context && context.reload) await context.reload();
      else message.textContent = t('uploaded', { name: file.name });
    } catch (err) {
      message.classList.add('bad');
      message.textContent = err instanceof ApiError && err.status === 413 && block.maxBytes
        ? t('tooLarge', { max: formatBytes(block.maxBytes) }) : t('error', { detail: err.message });
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
