// mamori/web/static/js/policy_editor.mjs
//
// Live preview for the 情報セキュリティ基本方針 editor. The server renders the
// preview from what is saved and stays the source of truth (the print view
// and PDF come from core/policy); this only mirrors the form while typing,
// following the same rules: {{company}}, {{company_short}} and {{scope}}
// filled in one pass, chosen clauses numbered in template order, names
// trimmed of ASCII and 全角 spaces. Without JavaScript the page still works.

const form = document.getElementById('policy-form');
const preview = document.getElementById('policy-preview');
const documentRoot = preview ? preview.querySelector('.document') : null;

const trim = (text) => text.replace(/^[ \t\r\n\u3000]+|[ \t\r\n\u3000]+$/g, '');

const fill = (template, values) =>
  template.replace(/\{\{([^{}]*)\}\}/g, (whole, key) => (Object.hasOwn(values, key) ? values[key] : whole));

// One 年/月/日 box as a number, accepting 全角 digits as the server does.
const boxNumber = (input) => {
  if (!input) return null;
  const text = trim(input.value).replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return /^[0-9]{1,4}$/.test(text) ? Number(text) : null;
};

// The date as the document writes it (data-date-pattern, in the document's
// language: "2025年4月1日", "1/4/2025") and "2025-04-01", or null when the
// boxes do not make a real date.
const readDate = (prefix) => {
  const year = boxNumber(form.elements[`${prefix}_year`]);
  const month = boxNumber(form.elements[`${prefix}_month`]);
  const day = boxNumber(form.elements[`${prefix}_day`]);
  if (year === null || month === null || day === null || year < 1900 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const pad = (n) => String(n).padStart(2, '0');
  const pattern = documentRoot.dataset.datePattern || '{{year}}-{{month}}-{{day}}';
  return { text: fill(pattern, { year: String(year), month: String(month), day: String(day) }), iso: `${year}-${pad(month)}-${pad(day)}` };
};

// Only the date changes: the label around it ("Established:", 制定日：) is the
// server's, in the document's language.
const setDateLine = (part, date) => {
  const line = documentRoot.querySelector(`[data-part="${part}"]`);
  if (!line) return;
  line.hidden = date === null;
  if (date !== null) {
    const time = line.querySelector('time') || line.appendChild(document.createElement('time'));
    time.dateTime = date.iso;
    time.textContent = date.text;
  }
};

const update = () => {
  const company = trim(form.elements.company_name.value);
  const checkedScope = form.querySelector('input[name="scope"]:checked');
  const values = { company, company_short: company, scope: checkedScope ? trim(checkedScope.value) : '' };

  const preamble = documentRoot.querySelector('[data-part="preamble"]');
  if (preamble && documentRoot.dataset.preambleTemplate !== undefined) {
    preamble.textContent = fill(documentRoot.dataset.preambleTemplate, values);
  }

  const chosen = new Set(Array.from(form.querySelectorAll('input[name="clause_ids"]:checked'), (box) => box.value));
  let number = 0;
  for (const section of documentRoot.querySelectorAll('[data-clause]')) {
    const selected = chosen.has(section.dataset.clause);
    section.hidden = !selected;
    if (!selected) continue;
    number += 1;
    section.querySelector('[data-part="number"]').textContent = String(number);
    section.querySelector('[data-part="text"]').textContent = fill(section.dataset.template, values);
  }

  const established = readDate('established_on');
  setDateLine('established', established);
  setDateLine('revised', readDate('revised_on'));

  documentRoot.querySelector('[data-part="company"]').textContent = company;
  const title = trim(form.elements.representative_title.value);
  const name = trim(form.elements.representative_name.value);
  const representative = title && name ? `${title}${documentRoot.dataset.nameGap ?? ' '}${name}` : title || name;
  const representativeLine = documentRoot.querySelector('[data-part="representative"]');
  representativeLine.textContent = representative;
  representativeLine.hidden = representative === '';

  // The footer keeps its version label ("第2版") and follows the date and name.
  const footer = documentRoot.querySelector('[data-part="footer"]');
  const { footerVersion, footerEstablished, footerSeparator } = documentRoot.dataset;
  footer.textContent = [footerVersion, established ? fill(footerEstablished, { date: established.text }) : '', company]
    .filter(Boolean).join(footerSeparator);
};

// A sample clause's reason box shows while the clause is unticked; the server
// asks for the reason either way, this only saves a round trip.
const showReasons = () => {
  for (const box of form.querySelectorAll('[data-reason-for]')) {
    const clause = document.getElementById(box.dataset.reasonFor);
    if (clause) box.hidden = clause.checked && !box.classList.contains('field--error');
  }
};

if (form) {
  form.addEventListener('change', showReasons);
}

if (form && documentRoot) {
  const note = document.getElementById('policy-preview-note');
  if (note && note.dataset.liveText) note.textContent = note.dataset.liveText;
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
}
