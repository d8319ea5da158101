// Import from the ⋯ menu: choose a file, see the detected format and column mapping (and
// change them), check it in a dry run with a per-row diff, start it, watch the progress,
// download the failed rows to fix and upload again.
import { h, replace, uid } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { api, ApiError, download } from './api.js';
import { openDialog } from './dialog.js';
import { announce } from './status.js';

// the canonical import columns (API: org.clientele.api.io.ClientColumns)
const FIELDS = ['number', 'legalName', 'taxId', 'street', 'postalCode', 'city', 'region', 'country', 'email', 'phone',
  'website', 'tags', 'contacts'];
// the format settings a user may correct; the API takes them as query parameters
const DIALECT_CHOICES = { charset: ['UTF-8', 'windows-1252', 'ISO-8859-1', 'ISO-8859-15', 'UTF-16'], delimiter: [';', ',', 'TAB', '|'] };
const FINAL = ['DONE', 'FAILED', 'UNDONE'];
const POLL_MS = 400;

/** Opens the import dialog; `onImported` runs after an import (not a dry run) finished. */
export function openImport(onImported) {
  openDialog({
    title: t('importTitle'),
    id: 'import-dialog',
    wide: true,
    build(body) {
      const fileId = uid('import-file');
      const file = h('input', { type: 'file', id: fileId, name: 'file', accept: '.csv,.xlsx,.ods,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', autofocus: true });
      const modeId = uid('mode');
      const mode = h('select', { id: modeId },
        h('option', { value: 'create' }, t('modeCreate')), h('option', { value: 'upsert' }, t('modeUpsert')));
      const keyId = uid('key');
      const key = h('select', { id: keyId },
        h('option', { value: 'number' }, t('keyNumber')), h('option', { value: 'taxId' }, t('keyTaxId')),
        h('option', { value: 'legalName' }, t('keyLegalName')));
      const keyField = h('div', { class: 'field', hidden: true }, h('label', { for: keyId }, t('importKey')), key);
      const onErrorId = uid('on-error');
      const onError = h('select', { id: onErrorId },
        h('option', { value: 'abort' }, t('onErrorAbort')), h('option', { value: 'skip' }, t('onErrorSkip')));
      mode.addEventListener('change', () => { keyField.hidden = mode.value !== 'upsert'; });
      const dryRun = h('button', { type: 'button', class: 'secondary', id: 'import-dry-run' }, t('dryRun'));
      const start = h('button', { type: 'button', class: 'primary', id: 'import-start' }, t('startImport'));
      const progressId = uid('progress');
      const progress = h('progress', { id: progressId, max: '1', value: '0' });
      const progressText = h('span', { class: 'progress-text' });
      const progressBox = h('div', { class: 'progress', hidden: true, id: 'import-progress' },
        h('label', { for: progressId }, t('progress')), progress, progressText);
      const message = h('div', { class: 'form-message', role: 'status', 'aria-live': 'polite', id: 'import-message' });
      const result = h('div', { class: 'import-result', id: 'import-result' });

      // what the user changed in the detected format and mapping, sent with the next run
      const overrides = { dialect: {}, mapping: {} };
      file.addEventListener('change', () => { overrides.dialect = {}; overrides.mapping = {}; replace(result); message.textContent = ''; });

      body.append(
        h('div', { class: 'import-options' },
          h('div', { class: 'field' }, h('label', { for: fileId }, t('importFile')), file),
          h('div', { class: 'field' }, h('label', { for: modeId }, t('importMode')), mode),
          keyField,
          h('div', { class: 'field' }, h('label', { for: onErrorId }, t('onError')), onError)),
        h('div', { class: 'dialog-actions left' }, dryRun, start),
        progressBox, message, result);

      let running = false;
      async function run(isDryRun) {
        const chosen = file.files && file.files[0];
        if (!chosen) { message.textContent = t('noFile'); file.focus(); return; }
        if (running) return;
        running = true;
        dryRun.disabled = true;
        start.disabled = true;
        replace(result);
        message.textContent = '';
        const q = new URLSearchParams({ dryRun: String(isDryRun), mode: mode.value, onError: onError.value });
        if (mode.value === 'upsert') q.set('key', key.value);
        if (overrides.dialect.charset) q.set('charset', overrides.dialect.charset);
        if (overrides.dialect.delimiter) q.set('delimiter', overrides.dialect.delimiter === 'TAB' ? 'tab' : overrides.dialect.delimiter);
        for (const [k, v] of Object.entries(overrides.mapping)) q.set(`mapping.${k}`, v);
        const data = new FormData();
        data.append('file', chosen, chosen.name);
        try {
          const posted = await api(`/api/clients/imports?${q}`, { method: 'POST', body: data, expect: [200, 201, 202] });
          const location = posted.headers.get('Location') || (posted.body && posted.body.id && `/api/clients/imports/${posted.body.id}`);
          const jobPath = new URL(location, window.location.href).pathname;
          progressBox.hidden = false;
          const job = await poll(jobPath);
          await show(job, jobPath, isDryRun);
          if (!isDryRun && job.state === 'DONE') onImported();
        } catch (err) {
          progressBox.hidden = true;
          message.textContent = err instanceof ApiError && (err.status === 404 || err.status === 405) ? t('importUnavailable')
            : t('error', { detail: err.message });
        } finally {
          running = false;
          dryRun.disabled = false;
          start.disabled = false;
        }
      }
      dryRun.addEventListener('click', () => run(true));
      start.addEventListener('click', () => run(false));

      async function poll(path) {
        for (;;) {
          const job = (await api(path)).body;
          const rows = (job.progress && job.progress.rows) || 0;
          const done = (job.progress && job.progress.done) || 0;
          progress.max = Math.max(rows, 1);
          progress.value = Math.min(done, Math.max(rows, 1));
          progressText.textContent = ` ${t('progressText', { done: formatNumber(done), rows: formatNumber(rows) })} · ${t(`importState.${job.state}`)}`;
          if (FINAL.includes(job.state)) return job;
          await new Promise((resolve) => { setTimeout(resolve, POLL_MS); });
        }
      }

      async function show(job, path, isDryRun) {
        const c = job.counts || {};
        const errors = job.errors || [];
        message.textContent = `${job.state === 'DONE' ? (isDryRun ? t('dryRunDone') : t('importDone')) : t(`importState.${job.state}`)} `
          + t('counts', { created: c.created ?? 0, updated: c.updated ?? 0, unchanged: c.unchanged ?? 0, skipped: c.skipped ?? 0, failed: c.failed ?? 0 });
        const parts = [];
        if (job.dialect) parts.push(dialectView(job.dialect));
        if (job.mapping) parts.push(mappingView(job.mapping));
        let rows = [];
        try {
          const r = await api(`${path}/rows?limit=200`);
          rows = Array.isArray(r.body) ? r.body : (r.body && (r.body.items || r.body.rows)) || [];
        } catch { /* the job's own error list still shows */ }
        if (rows.length) parts.push(diffView(rows));
        const failed = (c.failed || 0) + (errors.length && !c.failed ? errors.length : 0);
        if (failed > 0 || errors.length > 0) {
          parts.push(h('div', { class: 'import-errors' },
            h('p', { class: 'bad' }, t('importErrors', { n: formatNumber(c.failed || new Set(errors.map((e) => e.row)).size) })),
            rows.length ? null : h('ul', {}, errors.slice(0, 50).map((e) => h('li', {}, `${t('rowNo')} ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.message || e.code}`))),
            h('button', { type: 'button', class: 'secondary', id: 'download-errors', onclick: async () => {
              try { announce(t('exported', { name: await download(`${path}/errors.csv`, 'errors.csv') })); } catch (err) { message.textContent = t('error', { detail: err.message }); }
            } }, t('downloadErrors'))));
        }
        replace(result, parts);
      }

      function dialectView(dialect) {
        const entries = Object.entries(dialect).filter(([, v]) => v === null || typeof v !== 'object');
        return h('section', { class: 'dialect' }, h('h3', {}, t('dialect')),
          h('dl', { class: 'fields compact' }, entries.map(([k, v]) => {
            const shown = v === null ? '' : String(v);
            if (!DIALECT_CHOICES[k]) return [h('dt', {}, k), h('dd', {}, shown)];
            const id = uid('dialect');
            const current = overrides.dialect[k] ?? shown;
            const choices = DIALECT_CHOICES[k].includes(current) ? DIALECT_CHOICES[k] : [current, ...DIALECT_CHOICES[k]];
            const select = h('select', { id, 'data-dialect': k, onchange: (e) => { overrides.dialect[k] = e.target.value; } },
              choices.map((c) => h('option', { value: c, selected: c === current }, c)));
            return [h('dt', {}, h('label', { for: id }, k)), h('dd', {}, select)];
          })));
      }

      function mappingView(mapping) {
        const pairs = Array.isArray(mapping)
          ? mapping.map((m) => [m.column ?? m.header ?? m.source, m.field ?? m.target])
          : Object.entries(mapping);
        return h('section', { class: 'mapping' }, h('h3', {}, t('mapping')),
          h('table', { class: 'data' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('column')), h('th', { scope: 'col' }, t('field')))),
            h('tbody', {}, pairs.map(([column, field]) => {
              const id = uid('map');
              const current = overrides.mapping[column] ?? field ?? '';
              const options = FIELDS.includes(current) || current === '' ? FIELDS : [current, ...FIELDS];
              const select = h('select', { id, 'data-column': column, onchange: (e) => { overrides.mapping[column] = e.target.value; } },
                h('option', { value: '', selected: current === '' }, t('ignoreColumn')),
                options.map((f) => h('option', { value: f, selected: f === current }, fieldLabel(f))));
              return h('tr', {}, h('th', { scope: 'row' }, h('label', { for: id }, column)), h('td', {}, select));
            }))));
      }

      function fieldLabel(f) {
        const key = { number: 'colNumber', taxId: 'taxIdLabel', tags: 'tags', contacts: 'contacts' }[f] || f;
        const label = t(key);
        return label === key && !['legalName', 'street', 'postalCode', 'city', 'region', 'country', 'email', 'phone', 'website'].includes(f)
          ? f : `${label} (${f})`;
      }

      function diffView(rows) {
        return h('section', { class: 'diff' }, h('h3', {}, t('diff')),
          h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'import-rows' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('rowNo')), h('th', { scope: 'col' }, t('outcome')), h('th', { scope: 'col' }, t('details')))),
            h('tbody', {}, rows.map((r) => {
              const outcome = String(r.outcome || r.action || r.kind || '').toUpperCase();
              const label = t(`outcomes.${outcome}`);
              return h('tr', { class: `outcome-${outcome.toLowerCase()}` },
                h('td', { class: 'num' }, r.row ?? r.line ?? ''),
                h('td', {}, h('span', { class: `status status-${outcome.toLowerCase()}` }, label.startsWith('outcomes.') ? outcome : label)),
                h('td', {}, details(r)));
            })))));
      }

      function details(r) {
        const out = [];
        for (const c of r.changes || []) {
          out.push(h('div', {}, h('code', {}, c.field), ': ', h('del', {}, c.oldValue ?? c.old ?? '∅'), ' → ', h('ins', {}, c.newValue ?? c.new ?? '∅')));
        }
        for (const e of r.errors || []) out.push(h('div', { class: 'bad' }, `${e.column || e.field || ''} ${e.message || e.code}`.trim()));
        if (r.message) out.push(h('div', {}, r.message));
        if (out.length === 0 && r.clientId) out.push(h('a', { href: `#/clients/${encodeURIComponent(r.clientId)}` }, r.legalName || r.clientId));
        if (out.length === 0 && r.values) out.push(Object.entries(r.values).map(([k, v]) => `${k}: ${v}`).join(', '));
        return out;
      }
    },
  });
}
