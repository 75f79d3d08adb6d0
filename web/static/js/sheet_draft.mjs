// Keeps the one-page 自社診断 sheet's choices in this browser until the server has them (issue 13).
// A person at a desk may take longer than the session lasts; when it has expired, the post goes
// to the sign-in page and the server never sees the answers. After signing in again and coming
// back, the choices are put back from here, newest first. Nothing leaves the browser. The key
// names the organisation and respondent; a page that answers a successful save (data-sheet-stored)
// or the done page (data-sheet-sent) clears it, and a draft older than 12 hours is ignored.
//
// The choices show a firm's weak points, so they are stored only encrypted (AES-GCM) under a key
// the page carries in data-sheet-key while the person is signed in (app/browser_draft_key.hpp).
// Storage never holds that key: once the session ends the draft cannot be read, and signing in
// again as the same person makes it readable. Without Web Crypto (a plain-http address other than
// this machine) or without a key, no draft is kept at all rather than one in clear text.
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

function bytesFromHex(hex) {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
  return bytes;
}

function base64(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

function unbase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function importKey(hex) {
  if (!/^[0-9a-f]{64}$/.test(hex || '') || !window.crypto || !window.crypto.subtle) return null;
  try {
    return await window.crypto.subtle.importKey('raw', bytesFromHex(hex), 'AES-GCM', false, ['encrypt', 'decrypt']);
  } catch {
    return null;
  }
}

async function readDraft(store, storageKey, key) {
  try {
    const draft = JSON.parse(store.getItem(storageKey) || 'null');
    if (!draft || typeof draft.data !== 'string' || !(Date.now() - draft.at < MAX_AGE_MS)) return {};
    const plain = await window.crypto.subtle.decrypt({ name: 'AES-GCM', iv: unbase64(draft.iv) }, key, unbase64(draft.data));
    const answers = JSON.parse(new TextDecoder().decode(plain));
    return answers && typeof answers === 'object' ? answers : {};
  } catch {
    return {}; // damaged, from another person or under a replaced key: no draft
  }
}

async function writeDraft(store, storageKey, key, answers) {
  const iv = window.crypto.getRandomValues(new Uint8Array(12));
  const data = await window.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(answers)));
  store.setItem(storageKey, JSON.stringify({ at: Date.now(), iv: base64(iv), data: base64(data) }));
}

const store = storage();
if (sent && store) store.removeItem(sent.dataset.sheetSent);

async function keepDraft() {
  const storageKey = form.dataset.sheetDraft;
  if ('sheetStored' in form.dataset) {
    store.removeItem(storageKey); // the server has everything this page shows
  }
  const key = await importKey(form.dataset.sheetKey);
  if (!key) {
    store.removeItem(storageKey); // never keep a draft that cannot be encrypted
    return;
  }
  let answers = {};
  if (!('sheetStored' in form.dataset)) {
    answers = await readDraft(store, storageKey, key);
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
  // Writes go one after another, so a slow encryption cannot overwrite a newer draft.
  let writing = Promise.resolve();
  form.addEventListener('change', (event) => {
    const input = event.target;
    if (input.type !== 'radio') return;
    answers[input.name] = input.value;
    const snapshot = { ...answers };
    writing = writing.then(() => writeDraft(store, storageKey, key, snapshot)).catch(() => {});
  });
}

if (form && store) keepDraft();
