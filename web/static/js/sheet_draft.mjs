// Keeps the one-page 自社診断 sheet's choices in this browser until the server has them (issue 13).
// A person at a desk may take longer than the session lasts; when it has expired, the post goes
// to the sign-in page and the server never sees the answers. After signing in again and coming
// back, the choices are put back from here, newest first. Nothing leaves the browser. The key
// names the organisation and respondent; a page that answers a successful save (data-sheet-stored)
// or the done page (data-sheet-sent) clears it, and a draft older than 12 hours is ignored.
const MAX_AGE_MS = 12 * 60 * 60 * 1000;
const form = document.querySelector('form[data-sheet-draft]');
const sent = document.querySelector('[data-sheet-sent]');

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the sheet still works, without the safety net
  }
}

function readDraft(store, key) {
  try {
    const draft = JSON.parse(store.getItem(key) || 'null');
    if (draft && typeof draft.answers === 'object' && Date.now() - draft.at < MAX_AGE_MS) return draft.answers;
  } catch {
    // a damaged draft is no draft
  }
  return {};
}

const store = storage();
if (sent && store) store.removeItem(sent.dataset.sheetSent);

if (form && store) {
  const key = form.dataset.sheetDraft;
  let answers = {};
  if ('sheetStored' in form.dataset) {
    store.removeItem(key); // the server has everything this page shows
  } else {
    answers = readDraft(store, key);
    let restored = 0;
    for (const [name, value] of Object.entries(answers)) {
      const radio = [...form.querySelectorAll('input[type="radio"]')].find((input) => input.name === name && input.value === value);
      if (radio && !radio.checked) {
        radio.checked = true;
        restored++;
      }
    }
    const notice = document.querySelector('[data-sheet-restored]');
    if (restored > 0 && notice) notice.hidden = false;
  }
  form.addEventListener('change', (event) => {
    const input = event.target;
    if (input.type !== 'radio') return;
    answers[input.name] = input.value;
    store.setItem(key, JSON.stringify({ at: Date.now(), answers }));
  });
}
