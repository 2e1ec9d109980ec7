/*
 * SKP reference form: progressive enhancement only. Without this script the form works as plain HTML (the server
 * validates and a signed form token stands in for the proof of work). With it the reporter gets:
 *  - the error summary focused on load,
 *  - required answers (and an address or a place) checked before sending, listed in the same error summary,
 *  - the contact fields hidden (and not sent) while "anonymous" is chosen,
 *  - notices for "under 18" and "acute danger" as soon as they are chosen,
 *  - the proof of work solved in the background (ALTCHA format, SHA-256 in plain JavaScript).
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
  var canWork = !!(window.fetch && window.Int32Array && window.btoa);
  var solving = null;

  // SHA-256 of a short ASCII string, in plain JavaScript: the browser's crypto.subtle answers each hash through a
  // promise, which makes it some 50 times slower than this for the millions of tiny hashes the proof of work takes.
  var K = new Int32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
  var W = new Int32Array(64);
  var H = new Int32Array(8);
  var SHORT = new Int32Array(32);

  function sha256Ascii(text) {
    var length = text.length;
    var blocks = ((length + 8) >> 6) + 1;
    var words = blocks <= 2 ? SHORT : new Int32Array(blocks * 16);
    words.fill(0);
    for (var i = 0; i < length; i++) {
      words[i >> 2] |= (text.charCodeAt(i) & 0xff) << (24 - (i & 3) * 8);
    }
    words[length >> 2] |= 0x80 << (24 - (length & 3) * 8);
    words[blocks * 16 - 1] = length * 8;
    H[0] = 0x6a09e667; H[1] = 0xbb67ae85; H[2] = 0x3c6ef372; H[3] = 0xa54ff53a;
    H[4] = 0x510e527f; H[5] = 0x9b05688c; H[6] = 0x1f83d9ab; H[7] = 0x5be0cd19;
    for (var b = 0; b < blocks; b++) {
      for (var t = 0; t < 16; t++) {
        W[t] = words[b * 16 + t];
      }
      for (t = 16; t < 64; t++) {
        var w15 = W[t - 15], w2 = W[t - 2];
        var s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
        var s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
        W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
      }
      var a = H[0], c1 = H[1], c2 = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
      for (t = 0; t < 64; t++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var t2 = (S0 + ((a & c1) ^ (a & c2) ^ (c1 & c2))) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c2; c2 = c1; c1 = a; a = (t1 + t2) | 0;
      }
      H[0] = (H[0] + a) | 0; H[1] = (H[1] + c1) | 0; H[2] = (H[2] + c2) | 0; H[3] = (H[3] + d) | 0;
      H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0;
    }
    return H;
  }

  function hexToWords(hex) {
    var words = new Int32Array(hex.length / 8);
    for (var i = 0; i < words.length; i++) {
      words[i] = parseInt(hex.substr(i * 8, 8), 16) | 0;
    }
    return words;
  }

  function sameWords(actual, expected) {
    for (var i = 0; i < expected.length; i++) {
      if (actual[i] !== expected[i]) {
        return false;
      }
    }
    return expected.length === 8;
  }

  // Find n with SHA-256(salt + n) = challenge (the salt is ASCII: hex and the expiry). The difficulty is set so that
  // this takes a few seconds on a phone (README, "Spam protection"); it starts when the page is shown, and gives the
  // page back to the browser now and then so that typing stays smooth.
  async function solve(challenge) {
    var target = hexToWords(challenge.challenge);
    var chunk = 20000;
    for (var start = 0; start <= challenge.maxnumber; start += chunk) {
      for (var n = start; n < start + chunk && n <= challenge.maxnumber; n++) {
        if (sameWords(sha256Ascii(challenge.salt + n), target)) {
          return n;
        }
      }
      await new Promise(function (resume) { setTimeout(resume, 0); });
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
