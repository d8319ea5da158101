// Modal dialogs on the native <dialog> element: the rest of the page is inert while it is
// open, Tab and Shift+Tab cycle inside it, Esc closes it, and focus returns to where it was.
import { h, uid } from './dom.js';
import { t } from './i18n.js';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Opens a dialog. `build(body, close)` fills the body; `onClose` runs once when it closes
 * (Esc, the close button, or close()). Answers {dialog, close}.
 */
export function openDialog({ title, build, onClose, wide, id }) {
  const opener = document.activeElement;
  const titleId = uid('dialog-title');
  const body = h('div', { class: 'dialog-body' });
  const closeButton = h('button', { type: 'button', class: 'icon-button dialog-close', 'aria-label': t('close') }, '×');
  const dialog = h('dialog', { class: wide ? 'dialog wide' : 'dialog', 'aria-labelledby': titleId, id },
    h('div', { class: 'dialog-head' }, h('h2', { id: titleId }, title), closeButton),
    body);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    if (dialog.open) dialog.close();
    dialog.remove();
    if (onClose) onClose();
    if (opener && opener.isConnected && typeof opener.focus === 'function') opener.focus();
  };
  closeButton.addEventListener('click', close);
  dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(); });
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  });
  build(body, close);
  document.body.append(dialog);
  dialog.showModal();
  const autofocus = dialog.querySelector('[autofocus]') || dialog.querySelector('.dialog-body ' + FOCUSABLE.split(',')[2]) || closeButton;
  autofocus.focus();
  return { dialog, close };
}
