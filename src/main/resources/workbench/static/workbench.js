// The workbench's live help: checks a statement form against the live graph while it is edited (a dry run,
// nothing written) and suggests entities of the right class as a name is typed. Without this script every form
// still posts and is checked by the server. Text from answers is only ever set as text, never as markup.
(function () {
  'use strict';

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  // Autocompletion: the names of entities of the field's class, from the search index.
  function suggest(input) {
    var q = input.value.trim();
    var list = document.getElementById(input.getAttribute('list'));
    if (!list || q.length < 2) return;
    var url = '/workbench/entities.json?q=' + encodeURIComponent(q) +
      (input.dataset.class ? '&class=' + encodeURIComponent(input.dataset.class) : '');
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : { hits: [] }; })
      .then(function (answer) {
        list.textContent = '';
        answer.hits.forEach(function (hit) {
          var option = document.createElement('option');
          option.value = hit.label;
          option.textContent = hit.iri;
          list.appendChild(option);
        });
        input.dataset.matches = String(answer.hits.length);
      })
      .catch(function () { /* suggestions are a help; the server still checks the name */ });
  }

  function issueElement(issue) {
    var p = document.createElement('p');
    p.className = 'issue ' + issue.severity;
    p.setAttribute('role', 'alert');
    var badge = document.createElement('span');
    badge.className = 'severity';
    badge.textContent = issue.severity;
    p.appendChild(badge);
    p.appendChild(document.createTextNode(' ' + issue.message));
    if (issue.value) {
      var value = document.createElement('span');
      value.className = 'value';
      value.textContent = ' (value: \u201c' + issue.value + '\u201d)';
      p.appendChild(value);
    }
    return p;
  }

  // Live check: a dry run of the form as it stands; each problem is shown next to its field.
  function check(form) {
    var status = document.getElementById('live-status');
    var body = new URLSearchParams(new FormData(form));
    body.set('action', 'check');
    // form.action would be the button named "action": read the attribute.
    fetch(form.getAttribute('action'), {
      method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' }
    })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (answer) {
        var count = 0;
        form.querySelectorAll('.field').forEach(function (field) {
          var key = field.dataset.field;
          var issues = answer.fields[key] || [];
          var box = field.querySelector('.problems');
          box.textContent = '';
          issues.forEach(function (issue) { box.appendChild(issueElement(issue)); });
          var bad = issues.some(function (i) { return i.severity === 'Violation'; });
          field.classList.toggle('bad', bad);
          field.classList.toggle('warned', issues.length > 0);
          field.querySelectorAll('input:not([type=checkbox]), select, textarea').forEach(function (el) {
            if (bad) el.setAttribute('aria-invalid', 'true'); else el.removeAttribute('aria-invalid');
          });
          count += issues.length;
        });
        var general = document.querySelector('.general');
        if (general) {
          general.textContent = '';
          (answer.fields[''] || []).forEach(function (issue) { general.appendChild(issueElement(issue)); count++; });
        }
        if (status) status.textContent = answer.conforms
          ? 'Checked against the live graph: it would conform' + (count ? ' (' + count + ' warning(s))' : '') + '.'
          : 'Checked against the live graph: ' + count + ' problem(s) to fix before writing.';
      })
      .catch(function () { if (status) status.textContent = 'The live check is unavailable; the server checks on writing.'; });
  }

  // A field taking several values: a button adds one more input like the last.
  function addAnother(field) {
    var inputs = field.querySelector('.inputs');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'another';
    button.textContent = '+ another';
    button.addEventListener('click', function () {
      var all = inputs.querySelectorAll('.input');
      var last = all[all.length - 1];
      var copy = last.cloneNode(true);
      var index = all.length;
      copy.querySelectorAll('input, select, textarea, datalist').forEach(function (el) {
        if (el.id) el.id = el.id.replace(/-\d+(-list)?$/, '-' + index + '$1');
        if (el.getAttribute('list')) el.setAttribute('list', el.getAttribute('list').replace(/-\d+-list$/, '-' + index + '-list'));
        if (el.name && el.name.indexOf('new.') === 0) el.name = el.name.replace(/\.\d+$/, '.' + index);
        if (el.type === 'checkbox') el.checked = false; else if (el.tagName !== 'DATALIST') el.value = '';
      });
      inputs.appendChild(copy);
    });
    field.appendChild(button);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var lookup = debounce(suggest, 250);
    document.addEventListener('input', function (e) {
      if (e.target.classList && e.target.classList.contains('entity')) lookup(e.target);
    });
    var form = document.querySelector('form.statements');
    if (!form) return;
    var live = debounce(function () { check(form); }, 600);
    form.addEventListener('input', live);
    form.addEventListener('change', live);
    form.querySelectorAll('.field').forEach(function (field) {
      if (field.querySelector('.inputs') && field.dataset.multiple === 'true') addAnother(field);
    });
  });
})();
