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
