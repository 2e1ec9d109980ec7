/*
 * SKP reference form: progressive enhancement only. Without this script the form works as plain HTML (the server
 * validates and a signed form token stands in for the proof of work). With it the reporter gets:
 *  - the error summary focused on load,
 *  - required answers (and an address or a place) checked before sending, listed in the same error summary,
 *  - the contact fields hidden (and not sent) while "anonymous" is chosen,
 *  - notices for "under 18" and "acute danger" as soon as they are chosen,
 *  - the proof of work solved in the background (ALTCHA format, SHA-256 through crypto.subtle).
 */
(function () {
  'use strict';

  var focusTarget = document.querySelector('[data-focus-on-load]');
  if (focusTarget) {
    focusTarget.focus();
  }

  var form = document.getElementById('concern-form');
  if (!form) {
    return;
  }

  // --- notices and the contact fields follow the choices ---------------------------------------------------------

  function chosen(name) {
    var checked = form.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : null;
  }

  function toggleNotice(id, show) {
    var notice = document.getElementById(id);
    var text = show ? notice.getAttribute('data-text') : '';
    if (notice.textContent !== text) {
      notice.textContent = text;
    }
  }

  var contact = document.getElementById('contact-details');

  function sync() {
    var anonymous = chosen('reporter.anonymity') === 'ANONYMOUS';
    contact.hidden = anonymous;
    contact.disabled = anonymous; // disabled fields are not sent: an anonymous report carries no contact data
    toggleNotice('under18-notice', chosen('person.ageBand') === 'UNDER_18');
    toggleNotice('acute-notice', form.querySelector('input[name="acuteDanger"]').checked);
  }

  form.addEventListener('change', sync);
  sync();

  // --- required answers, checked before sending ---------------------------------------------------------------------

  var summary = document.getElementById('error-summary');
  var summaryList = document.getElementById('error-summary-list');
  var pageTitle = document.title.replace(form.getAttribute('data-msg-title-prefix'), '');

  function answered(name) {
    var inputs = form.querySelectorAll('[name="' + name + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if ((input.type === 'radio' || input.type === 'checkbox') ? input.checked : input.value.trim() !== '') {
        return true;
      }
    }
    return false;
  }

  // What the server would say first: required answers, and an address or a description of the place.
  function missingAnswers() {
    var oneOf = (form.getAttribute('data-one-of') || '').split(' ').filter(Boolean);
    var noPlace = oneOf.length > 0 && !oneOf.some(answered);
    var missing = [];
    Array.prototype.forEach.call(form.querySelectorAll('.field[data-name]'), function (wrapper) {
      var name = wrapper.getAttribute('data-name');
      if (wrapper.hasAttribute('data-required') && !answered(name)) {
        missing.push({ wrapper: wrapper, text: form.getAttribute('data-msg-required') });
      } else if (noPlace && name === oneOf[0]) {
        missing.push({ wrapper: wrapper, text: form.getAttribute('data-msg-one-of') });
      }
    });
    return missing;
  }

  function clearErrors() {
    summaryList.textContent = '';
    Array.prototype.forEach.call(form.querySelectorAll('.error-message'), function (message) {
      var id = message.id;
      Array.prototype.forEach.call(form.querySelectorAll('[aria-describedby~="' + id + '"]'), function (described) {
        var rest = described.getAttribute('aria-describedby').split(' ').filter(function (other) { return other !== id; });
        if (rest.length) {
          described.setAttribute('aria-describedby', rest.join(' '));
        } else {
          described.removeAttribute('aria-describedby');
        }
      });
      message.parentNode.removeChild(message);
    });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (input) {
      input.removeAttribute('aria-invalid');
    });
    Array.prototype.forEach.call(form.querySelectorAll('.field--error'), function (wrapper) {
      wrapper.classList.remove('field--error');
    });
  }

  function showError(wrapper, text) {
    var name = wrapper.getAttribute('data-name');
    var id = wrapper.id.replace(/-field$/, '') + '-error';
    var message = document.createElement('p');
    message.className = 'error-message';
    message.id = id;
    var prefix = document.createElement('span');
    prefix.className = 'visually-hidden';
    prefix.textContent = form.getAttribute('data-msg-error-prefix');
    message.appendChild(prefix);
    message.appendChild(document.createTextNode(' ' + text));
    var hint = wrapper.querySelector('.hint:not(.choice__hint)');
    var label = wrapper.querySelector('legend, label');
    var after = hint || label;
    after.parentNode.insertBefore(message, after.nextSibling);
    var described = wrapper.querySelector('fieldset') || wrapper.querySelector('[name="' + name + '"]');
    var ids = (described.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    ids.push(id);
    described.setAttribute('aria-describedby', ids.join(' '));
    Array.prototype.forEach.call(wrapper.querySelectorAll('[name="' + name + '"]'), function (input) {
      input.setAttribute('aria-invalid', 'true');
    });
    wrapper.classList.add('field--error');

    var item = document.createElement('li');
    var link = document.createElement('a');
    link.href = '#' + wrapper.getAttribute('data-anchor');
    link.textContent = wrapper.getAttribute('data-label') + ': ' + text;
    item.appendChild(link);
    summaryList.appendChild(item);
  }

  function checkRequired() {
    var missing = missingAnswers();
    if (!missing.length) {
      return true;
    }
    clearErrors();
    missing.forEach(function (answer) {
      showError(answer.wrapper, answer.text);
    });
    summary.hidden = false;
    document.title = form.getAttribute('data-msg-title-prefix') + pageTitle;
    summary.focus();
    return false;
  }

  // A link in the error summary puts the reader at the question, with its label in view, not just at the input.
  summary.addEventListener('click', function (event) {
    var link = event.target.closest('a[href^="#"]');
    var target = link && document.getElementById(link.getAttribute('href').slice(1));
    if (!target) {
      return;
    }
    event.preventDefault();
    var wrapper = target.closest('.field') || target;
    wrapper.scrollIntoView();
    target.focus({ preventScroll: true });
  });

  // --- proof of work (ALTCHA format) ---------------------------------------------------------------------------------

  var altcha = document.getElementById('altcha');
  var canWork = !!(window.fetch && window.crypto && window.crypto.subtle && window.TextEncoder && window.btoa);
  var solving = null;

  function hexToBytes(hex) {
    var bytes = new Uint8Array(hex.length / 2);
    for (var i = 0; i < bytes.length; i++) {
      bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
    }
    return bytes;
  }

  function sameBytes(buffer, expected) {
    var actual = new Uint8Array(buffer);
    if (actual.length !== expected.length) {
      return false;
    }
    for (var i = 0; i < actual.length; i++) {
      if (actual[i] !== expected[i]) {
        return false;
      }
    }
    return true;
  }

  // Find n with SHA-256(salt + n) = challenge, hashing in batches so the browser's crypto runs in parallel.
  async function solve(challenge) {
    var encoder = new TextEncoder();
    var target = hexToBytes(challenge.challenge);
    var batch = 500;
    for (var start = 0; start <= challenge.maxnumber; start += batch) {
      var hashes = [];
      for (var n = start; n < start + batch && n <= challenge.maxnumber; n++) {
        hashes.push(crypto.subtle.digest('SHA-256', encoder.encode(challenge.salt + n)));
      }
      var results = await Promise.all(hashes);
      for (var i = 0; i < results.length; i++) {
        if (sameBytes(results[i], target)) {
          return start + i;
        }
      }
    }
    throw new Error('no solution');
  }

  function expiresAt(salt) {
    var match = /[?&]expires=(\d+)/.exec(salt);
    return match ? Number(match[1]) * 1000 : Infinity;
  }

  // Resolves to {payload, expires}, or to null when the work cannot be done (then the form token is used).
  function startWork() {
    if (!canWork) {
      return Promise.resolve(null);
    }
    var started = Date.now();
    solving = fetch(form.getAttribute('data-challenge-url'), {
      headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store'
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('challenge: ' + response.status);
      }
      return response.json();
    }).then(function (challenge) {
      return solve(challenge).then(function (number) {
        var payload = {
          algorithm: challenge.algorithm, challenge: challenge.challenge, number: number,
          salt: challenge.salt, signature: challenge.signature, took: Date.now() - started
        };
        return { payload: btoa(JSON.stringify(payload)), expires: expiresAt(challenge.salt) };
      });
    }).catch(function () {
      return null;
    });
    return solving;
  }

  async function freshProof() {
    var proof = solving ? await solving : null;
    if (!proof || proof.expires - Date.now() < 30000) {
      proof = await startWork();
    }
    return proof;
  }

  startWork();

  // --- sending --------------------------------------------------------------------------------------------------------

  var sending = false;
  var status = document.getElementById('form-status');

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (sending || !checkRequired()) {
      return;
    }
    sending = true;
    status.textContent = form.getAttribute('data-msg-sending');
    freshProof().then(function (proof) {
      altcha.value = proof ? proof.payload : '';
      HTMLFormElement.prototype.submit.call(form); // not form.submit: a control named submit would hide it
    });
  });

  // Back from the receipt (page cache): the proof was used, so start again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      sending = false;
      status.textContent = '';
      altcha.value = '';
      startWork();
    }
  });
})();
