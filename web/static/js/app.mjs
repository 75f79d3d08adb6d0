// mamori front-end behaviour. Everything works without JavaScript; this
// module only improves focus handling and small conveniences.

// Move focus to the error summary after a failed submission (ui.md §2.7),
// so screen-reader and keyboard users land on the list of problems.
const summary = document.querySelector('.error-summary');
if (summary) {
  summary.focus();
}

// Links in the error summary move focus to the field, not just scroll to it.
for (const link of document.querySelectorAll('.error-summary a[href^="#"]')) {
  link.addEventListener('click', (event) => {
    const target = document.getElementById(link.getAttribute('href').slice(1));
    if (target) {
      event.preventDefault();
      target.focus();
      target.scrollIntoView({ block: 'center' });
    }
  });
}

// Print buttons on document pages.
for (const button of document.querySelectorAll('[data-action="print"]')) {
  button.addEventListener('click', () => window.print());
}

// Copy buttons next to invitation links. The feedback words come from the
// page (data-copied, data-copy-failed), so they follow the UI language.
for (const button of document.querySelectorAll('[data-copy-target]')) {
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.dataset.copyTarget);
    if (!source) return;
    try {
      await navigator.clipboard.writeText(source.textContent.trim());
      button.textContent = button.dataset.copied;
    } catch {
      button.textContent = button.dataset.copyFailed;
    }
  });
}

// Ask before destructive actions marked with data-confirm.
for (const form of document.querySelectorAll('form[data-confirm]')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
}

// The organisation menu on a phone (issue 13): folded behind one button so the page's own
// content starts on the first screen. The button says whether the menu is open (aria-expanded);
// on a wider screen the menu is always open and the button hidden.
const orgNav = document.querySelector('.org-nav');
const orgNavToggle = orgNav && orgNav.querySelector('.org-nav__toggle');
if (orgNav && orgNavToggle) {
  const narrow = window.matchMedia('(max-width: 640px)');
  const setOpen = (open) => {
    orgNav.classList.toggle('org-nav--collapsed', !open);
    orgNavToggle.setAttribute('aria-expanded', String(open));
  };
  const fit = () => {
    orgNavToggle.hidden = !narrow.matches;
    setOpen(!narrow.matches);
  };
  orgNavToggle.addEventListener('click', () => setOpen(orgNavToggle.getAttribute('aria-expanded') !== 'true'));
  narrow.addEventListener('change', fit);
  fit();
}

// Password fields (ASVS 2.1.8, 2.1.12): a button to show what was typed, and on a new password a
// length meter, since length is what the guideline asks for (長く). The words come from the page
// (data-password-* on <body>), so they follow the UI language.
const words = document.body.dataset;
for (const input of document.querySelectorAll('input[type="password"]')) {
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'button--link password-toggle';
  toggle.textContent = words.passwordShow;
  toggle.setAttribute('aria-pressed', 'false');
  toggle.setAttribute('aria-controls', input.id);
  toggle.addEventListener('click', () => {
    const showing = input.type === 'text';
    input.type = showing ? 'password' : 'text';
    toggle.textContent = showing ? words.passwordShow : words.passwordHide;
    toggle.setAttribute('aria-pressed', String(!showing));
  });
  input.insertAdjacentElement('afterend', toggle);
  if (input.autocomplete !== 'new-password' || input.id.endsWith('confirm')) continue;
  const meter = document.createElement('meter');
  Object.assign(meter, { min: 0, max: 24, low: 10, high: 16, optimum: 24, value: 0 });
  meter.id = `${input.id}-meter`;
  meter.className = 'password-meter';
  meter.setAttribute('aria-label', words.passwordMeter);
  const verdict = document.createElement('p');
  verdict.className = 'field__hint password-verdict';
  verdict.setAttribute('aria-live', 'polite');
  toggle.insertAdjacentElement('afterend', meter);
  meter.insertAdjacentElement('afterend', verdict);
  input.addEventListener('input', () => {
    const length = [...input.value].length; // characters, as the server counts them
    meter.value = Math.min(length, 24);
    verdict.textContent = length === 0 ? '' : length < 10 ? words.passwordShort : length < 16 ? words.passwordFair : words.passwordStrong;
  });
}

// Signing out also forgets the unsent self-check sheet kept in this browser (ASVS 8.2.3):
// the next person at this computer must not find someone else's answers.
for (const form of document.querySelectorAll('form[data-sign-out]')) {
  form.addEventListener('submit', () => {
    try {
      for (const key of Object.keys(window.localStorage)) {
        if (key.startsWith('mamori-sheet-')) window.localStorage.removeItem(key);
      }
    } catch {
      // storage disabled: nothing was kept
    }
  });
}
