/*
 * Frontline LMS runtime: connects the package page to the learning system that launched it
 * (SCORM 1.2, SCORM 2004 or cmi5), or runs as a plain page when there is none.
 * Plain ES2019 without modules, so it runs as a file of the package in any LMS frame.
 */
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('frontline-config').textContent);
  // SCORM 1.2 caps cmi.suspend_data at 4096 characters; SCORM 2004 4th edition at 64000.
  var SUSPEND_LIMIT = config.format === 'scorm12' ? 4096 : 64000;
  // cmi.core.lesson_location holds 255 characters in SCORM 1.2, cmi.location 1000 in 2004.
  var LOCATION_LIMIT = config.format === 'scorm12' ? 255 : 1000;

  var statusLine = document.getElementById('lms-status');
  var finishButton = document.getElementById('finish');
  var finishStatus = document.getElementById('finish-status');
  var questions = Array.prototype.slice.call(document.querySelectorAll('fieldset.question'));
  var places = Array.prototype.slice.call(document.querySelectorAll('main h2[id], main h3[id]'));
  var started = Date.now();
  /** answers[i]: { values: ['1', '3'], correct: true } once question i is checked. */
  var answers = [];
  var driver = null;
  var online = false;
  var finished = false;
  var terminated = false;
  var lastLocation = '';

  // ---------------------------------------------------------------- answers

  /** FNV-1a over `<question id>:<sorted values>`, as the exporter computes the answer digest. */
  function digest(id, values) {
    var text = id + ':' + values.slice().sort().join(',');
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i += 1) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return ('0000000' + hash.toString(16)).slice(-8);
  }

  function inputsOf(fieldset) {
    return Array.prototype.slice.call(fieldset.querySelectorAll('ul.options input'));
  }

  /** An option's response letter (a, b, c...): the form both SCORM versions accept for choices. */
  function letter(value) {
    var n = Number(value);
    return n >= 1 && n <= 26 ? String.fromCharCode(96 + n) : String(value);
  }

  function lock(index, answer) {
    var fieldset = questions[index];
    answers[index] = answer;
    inputsOf(fieldset).forEach(function (input) {
      input.checked = answer.values.indexOf(input.value) !== -1;
      input.disabled = true;
    });
    var button = fieldset.querySelector('button.check-answer');
    if (button) button.disabled = true;
    var feedback = fieldset.querySelector('.feedback');
    if (feedback) {
      feedback.setAttribute('data-result', answer.correct ? 'correct' : 'wrong');
      feedback.textContent = answer.correct ? 'Correct.' : 'Not correct.';
    }
  }

  /** Suspend data: `f1:` then, per question in page order, a base-36 mask of the chosen options. */
  function encodeAnswers() {
    var parts = questions.map(function (_fieldset, index) {
      var answer = answers[index];
      if (!answer) return '';
      var mask = 0;
      answer.values.forEach(function (value) {
        mask += Math.pow(2, Number(value) - 1);
      });
      return mask.toString(36);
    });
    while (parts.length && parts[parts.length - 1] === '') parts.pop();
    var data = 'f1:' + parts.join('.');
    // Over the limit (a course of well over a thousand checks): keep the answers that fit, in page
    // order; the LMS still holds every interaction and the score.
    if (data.length > SUSPEND_LIMIT) data = data.slice(0, data.lastIndexOf('.', SUSPEND_LIMIT - 1));
    return data;
  }

  function restoreAnswers(data) {
    if (typeof data !== 'string' || data.indexOf('f1:') !== 0) return 0;
    var restored = 0;
    data
      .slice(3)
      .split('.')
      .forEach(function (part, index) {
        var fieldset = questions[index];
        if (!part || !fieldset) return;
        var mask = parseInt(part, 36);
        var values = inputsOf(fieldset)
          .map(function (input) {
            return input.value;
          })
          .filter(function (value) {
            return Math.floor(mask / Math.pow(2, Number(value) - 1)) % 2 === 1;
          });
        if (!values.length) return;
        lock(index, {
          values: values,
          correct: digest(fieldset.getAttribute('data-question'), values) === fieldset.getAttribute('data-key'),
        });
        restored += 1;
      });
    return restored;
  }

  function score() {
    var correct = answers.filter(function (answer) {
      return answer && answer.correct;
    }).length;
    var total = questions.length;
    return { correct: correct, total: total, percent: total ? Math.round((correct / total) * 100) : 100 };
  }

  // ---------------------------------------------------------------- time formats

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = '0' + s;
    return s;
  }
  function seconds() {
    return (Date.now() - started) / 1000;
  }
  /** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
  function timespan12(total) {
    var h = Math.floor(total / 3600);
    var m = Math.floor((total % 3600) / 60);
    var s = total % 60;
    return (
      pad(Math.min(h, 9999), 4) +
      ':' +
      pad(m, 2) +
      ':' +
      pad(Math.floor(s), 2) +
      '.' +
      pad(Math.floor((s % 1) * 100), 2)
    );
  }
  /** ISO 8601 duration, as SCORM 2004 and xAPI take it. */
  function duration(total) {
    return 'PT' + Math.round(total * 100) / 100 + 'S';
  }
  /** Local wall-clock time, HH:MM:SS (SCORM 1.2 CMITime). */
  function clock12(date) {
    return pad(date.getHours(), 2) + ':' + pad(date.getMinutes(), 2) + ':' + pad(date.getSeconds(), 2);
  }
  /** SCORM 2004 time(second,10,0): YYYY-MM-DDThh:mm:ss, local. */
  function timestamp2004(date) {
    return date.getFullYear() + '-' + pad(date.getMonth() + 1, 2) + '-' + pad(date.getDate(), 2) + 'T' + clock12(date);
  }

  // ---------------------------------------------------------------- finding a SCORM API

  /**
   * Looks for the API object in this window and its parents, then in the window that opened
   * this one and its parents (the search the SCORM run-time environment books describe). A
   * frame from another origin is passed over.
   */
  function findApi(name) {
    function climb(win) {
      for (var hops = 0; win && hops < 500; hops += 1) {
        try {
          if (win[name]) return win[name];
        } catch {
          // Another origin: its properties cannot be read; keep climbing.
        }
        if (!win.parent || win.parent === win) break;
        win = win.parent;
      }
      return null;
    }
    var api = climb(window);
    if (!api) {
      try {
        if (window.top && window.top.opener) api = climb(window.top.opener);
      } catch {
        api = null;
      }
    }
    if (!api && window.opener) api = climb(window.opener);
    return api;
  }

  // ---------------------------------------------------------------- drivers

  function scorm12(api) {
    function set(key, value) {
      return api.LMSSetValue(key, String(value)) === 'true';
    }
    return {
      init: function () {
        if (String(api.LMSInitialize('')) !== 'true') return 'error ' + api.LMSGetLastError();
        var status = api.LMSGetValue('cmi.core.lesson_status');
        if (!status || status === 'not attempted') set('cmi.core.lesson_status', 'incomplete');
        var mastery = api.LMSGetValue('cmi.student_data.mastery_score');
        return {
          suspend: api.LMSGetValue('cmi.suspend_data'),
          location: api.LMSGetValue('cmi.core.lesson_location'),
          mastery: mastery !== '' && !isNaN(Number(mastery)) ? Number(mastery) / 100 : null,
        };
      },
      interaction: function (id, answer) {
        var n = Number(api.LMSGetValue('cmi.interactions._count')) || 0;
        var base = 'cmi.interactions.' + n + '.';
        set(base + 'id', id);
        set(base + 'type', 'choice');
        set(base + 'student_response', answer.values.map(letter).join(','));
        set(base + 'result', answer.correct ? 'correct' : 'wrong');
        set(base + 'time', clock12(new Date()));
      },
      save: function (suspend, location) {
        set('cmi.suspend_data', suspend);
        if (location) set('cmi.core.lesson_location', location);
      },
      result: function (s, passed) {
        if (s.total) {
          set('cmi.core.score.raw', s.percent);
          set('cmi.core.score.min', 0);
          set('cmi.core.score.max', 100);
        }
        set('cmi.core.lesson_status', passed === null ? 'completed' : passed ? 'passed' : 'failed');
      },
      commit: function () {
        api.LMSCommit('');
      },
      terminate: function (done) {
        set('cmi.core.session_time', timespan12(seconds()));
        set('cmi.core.exit', done ? '' : 'suspend');
        api.LMSCommit('');
        api.LMSFinish('');
      },
    };
  }

  function scorm2004(api) {
    function set(key, value) {
      return api.SetValue(key, String(value)) === 'true';
    }
    return {
      init: function () {
        if (String(api.Initialize('')) !== 'true') return 'error ' + api.GetLastError();
        var status = api.GetValue('cmi.completion_status');
        if (!status || status === 'unknown' || status === 'not attempted') set('cmi.completion_status', 'incomplete');
        var mastery = api.GetValue('cmi.scaled_passing_score');
        return {
          suspend: api.GetValue('cmi.suspend_data'),
          location: api.GetValue('cmi.location'),
          mastery: mastery !== '' && !isNaN(Number(mastery)) ? Number(mastery) : null,
        };
      },
      interaction: function (id, answer) {
        var n = Number(api.GetValue('cmi.interactions._count')) || 0;
        var base = 'cmi.interactions.' + n + '.';
        set(base + 'id', id);
        set(base + 'type', 'choice');
        set(base + 'timestamp', timestamp2004(new Date()));
        set(base + 'learner_response', answer.values.map(letter).join('[,]'));
        set(base + 'result', answer.correct ? 'correct' : 'incorrect');
      },
      save: function (suspend, location) {
        set('cmi.suspend_data', suspend);
        if (location) set('cmi.location', location);
      },
      result: function (s, passed) {
        if (s.total) {
          set('cmi.score.scaled', s.percent / 100);
          set('cmi.score.raw', s.percent);
          set('cmi.score.min', 0);
          set('cmi.score.max', 100);
        }
        set('cmi.completion_status', 'completed');
        if (passed !== null) set('cmi.success_status', passed ? 'passed' : 'failed');
      },
      commit: function () {
        api.Commit('');
      },
      terminate: function (done) {
        set('cmi.session_time', duration(seconds()));
        set('cmi.exit', done ? 'normal' : 'suspend');
        api.Commit('');
        api.Terminate('');
      },
    };
  }

  /** cmi5: xAPI statements and state to the LRS named in the launch address. */
  function cmi5(params) {
    var endpoint = params.get('endpoint').replace(/\/?$/, '/');
    var actor = JSON.parse(params.get('actor'));
    var registration = params.get('registration');
    var activityId = params.get('activityId');
    var token = null;
    var launch = {};
    var queue = Promise.resolve();
    var CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
    var MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';

    function uuid() {
      var b = new Uint8Array(16);
      crypto.getRandomValues(b);
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      var h = Array.prototype.map
        .call(b, function (x) {
          return ('0' + x.toString(16)).slice(-2);
        })
        .join('');
      return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
    }
    function headers() {
      return {
        Authorization: 'Basic ' + token,
        'X-Experience-API-Version': '1.0.3',
        'Content-Type': 'application/json',
      };
    }
    function stateUrl(stateId) {
      return (
        endpoint +
        'activities/state?stateId=' +
        encodeURIComponent(stateId) +
        '&activityId=' +
        encodeURIComponent(activityId) +
        '&agent=' +
        encodeURIComponent(JSON.stringify(actor)) +
        '&registration=' +
        encodeURIComponent(registration)
      );
    }
    function context(categories, extensions) {
      var template = launch.contextTemplate || {};
      var activities = JSON.parse(JSON.stringify(template.contextActivities || {}));
      if (categories.length)
        activities.category = (activities.category || []).concat(
          categories.map(function (id) {
            return { id: id };
          }),
        );
      var ext = JSON.parse(JSON.stringify(template.extensions || {}));
      Object.keys(extensions || {}).forEach(function (key) {
        ext[key] = extensions[key];
      });
      return { registration: registration, contextActivities: activities, extensions: ext };
    }
    function send(verb, display, extra, keepalive) {
      var statement = {
        id: uuid(),
        timestamp: new Date().toISOString(),
        actor: actor,
        verb: { id: 'http://adlnet.gov/expapi/verbs/' + verb, display: { 'en-US': display } },
        object: extra.object || { id: activityId, objectType: 'Activity' },
        context: extra.context || context([CMI5]),
      };
      if (extra.result) statement.result = extra.result;
      var post = function () {
        return fetch(endpoint + 'statements', {
          method: 'POST',
          headers: headers(),
          body: JSON.stringify(statement),
          keepalive: Boolean(keepalive),
        });
      };
      // Statements go one after another, so the LRS stores them in the order they happened; on
      // pagehide there is no later turn to wait for, so that one goes at once.
      if (keepalive) return post();
      queue = queue.then(post, post);
      return queue;
    }
    var normal = true;
    return {
      init: function () {
        return fetch(params.get('fetch'), { method: 'POST' })
          .then(function (response) {
            return response.json();
          })
          .then(function (body) {
            token = body['auth-token'];
            if (!token) throw new Error('no token');
            return fetch(stateUrl('LMS.LaunchData'), { headers: headers() });
          })
          .then(function (response) {
            return response.json();
          })
          .then(function (data) {
            launch = data || {};
            normal = !launch.launchMode || launch.launchMode === 'Normal';
            return Promise.all([
              send('initialized', 'initialized', {}),
              fetch(stateUrl('frontline.progress'), { headers: headers() }).then(function (response) {
                return response.ok ? response.json() : {};
              }),
            ]);
          })
          .then(function (results) {
            var saved = results[1] || {};
            return {
              suspend: saved.suspend || '',
              location: saved.location || '',
              mastery: typeof launch.masteryScore === 'number' ? launch.masteryScore : null,
              // Browse and Review launches: cmi5 forbids reporting results.
              notRecording: normal ? '' : String(launch.launchMode),
            };
          })
          .catch(function (error) {
            return (
              'the learning record store did not answer (' + (error && error.message ? error.message : error) + ')'
            );
          });
      },
      interaction: function (id, answer) {
        if (!normal) return;
        void send('answered', 'answered', {
          object: {
            id: activityId + '/interactions/' + encodeURIComponent(id),
            objectType: 'Activity',
            definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice' },
          },
          context: (function () {
            var c = context([]);
            c.contextActivities.parent = [{ id: activityId, objectType: 'Activity' }];
            return c;
          })(),
          result: { response: answer.values.map(letter).join('[,]'), success: answer.correct },
        });
      },
      save: function (suspend, location, keepalive) {
        void fetch(stateUrl('frontline.progress'), {
          method: 'PUT',
          headers: headers(),
          body: JSON.stringify({ suspend: suspend, location: location }),
          keepalive: Boolean(keepalive),
        });
      },
      result: function (s, passed) {
        if (!normal) return;
        var mastery = typeof launch.masteryScore === 'number' ? launch.masteryScore : config.mastery;
        if (passed !== null)
          void send(passed ? 'passed' : 'failed', passed ? 'passed' : 'failed', {
            context: context([CMI5, MOVEON], { 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': mastery }),
            result: {
              success: passed,
              score: { scaled: s.percent / 100, raw: s.percent, min: 0, max: 100 },
              duration: duration(seconds()),
            },
          });
        void send('completed', 'completed', {
          context: context([CMI5, MOVEON]),
          result: { completion: true, duration: duration(seconds()) },
        });
      },
      commit: function () {},
      terminate: function (_done, keepalive) {
        void send('terminated', 'terminated', { result: { duration: duration(seconds()) } }, keepalive);
        var back = launch.returnURL;
        if (typeof back === 'string' && /^https?:/i.test(back)) {
          var link = document.createElement('a');
          link.href = back;
          link.textContent = 'Return to your learning system';
          finishStatus.appendChild(document.createTextNode(' '));
          finishStatus.appendChild(link);
        }
      },
    };
  }

  function detectDriver() {
    if (config.format === 'cmi5') {
      var params = new URLSearchParams(window.location.search);
      var needed = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'];
      for (var i = 0; i < needed.length; i += 1) if (!params.get(needed[i])) return null;
      try {
        JSON.parse(params.get('actor'));
      } catch {
        return null;
      }
      return cmi5(params);
    }
    var api = findApi(config.format === 'scorm12' ? 'API' : 'API_1484_11');
    if (!api) return null;
    return config.format === 'scorm12' ? scorm12(api) : scorm2004(api);
  }

  // ---------------------------------------------------------------- place

  function currentPlace() {
    var current = '';
    for (var i = 0; i < places.length; i += 1) {
      if (places[i].getBoundingClientRect().top <= 96) current = places[i].id;
      else break;
    }
    return current.length <= LOCATION_LIMIT ? current : '';
  }
  function save(keepalive) {
    if (!online || terminated) return;
    driver.save(encodeAnswers(), lastLocation, keepalive);
  }
  var placeTimer = 0;
  function notePlace() {
    clearTimeout(placeTimer);
    placeTimer = setTimeout(function () {
      var place = currentPlace();
      if (place && place !== lastLocation) {
        lastLocation = place;
        save(false);
      }
    }, 400);
  }

  // ---------------------------------------------------------------- page

  function say(text, state) {
    statusLine.textContent = text;
    statusLine.setAttribute('data-state', state);
  }

  function checkAnswer(index) {
    if (finished || answers[index]) return;
    var fieldset = questions[index];
    var values = inputsOf(fieldset)
      .filter(function (input) {
        return input.checked;
      })
      .map(function (input) {
        return input.value;
      });
    var feedback = fieldset.querySelector('.feedback');
    if (!values.length) {
      if (feedback) feedback.textContent = 'Choose an answer first.';
      return;
    }
    var id = fieldset.getAttribute('data-question');
    var answer = { values: values, correct: digest(id, values) === fieldset.getAttribute('data-key') };
    lock(index, answer);
    if (online && !terminated) {
      driver.interaction(id, answer);
      save(false);
      driver.commit();
    }
  }

  function finish() {
    if (finished) return;
    finished = true;
    var s = score();
    var mastery = driver && driver.mastery !== null && driver.mastery !== undefined ? driver.mastery : config.mastery;
    var passed = s.total ? s.correct / s.total >= mastery - 1e-9 : null;
    finishButton.disabled = true;
    questions.forEach(function (fieldset, index) {
      if (!answers[index]) {
        inputsOf(fieldset).forEach(function (input) {
          input.disabled = true;
        });
        var button = fieldset.querySelector('button.check-answer');
        if (button) button.disabled = true;
      }
    });
    var summary = s.total
      ? s.correct +
        ' of ' +
        s.total +
        ' checks answered correctly (' +
        s.percent +
        '%): ' +
        (passed ? 'passed.' : 'not passed.')
      : 'Done.';
    if (online && !terminated) {
      driver.save(encodeAnswers(), lastLocation, false);
      driver.result(s, passed);
      driver.commit();
      terminated = true;
      finishStatus.textContent = driver.notRecording
        ? summary + ' Your result is not recorded (' + driver.notRecording + ' mode).'
        : 'Your result was sent to your learning system. ' + summary;
      driver.terminate(true, false);
    } else {
      finishStatus.textContent = summary + ' Progress is not recorded.';
    }
  }

  questions.forEach(function (fieldset, index) {
    var button = fieldset.querySelector('button.check-answer');
    if (button)
      button.addEventListener('click', function () {
        checkAnswer(index);
      });
  });
  finishButton.addEventListener('click', finish);
  window.addEventListener('scroll', notePlace, { passive: true });
  document.addEventListener('focusin', notePlace);
  window.addEventListener('pagehide', function () {
    if (!online || terminated) return;
    terminated = true;
    driver.save(encodeAnswers(), currentPlace() || lastLocation, true);
    driver.commit();
    driver.terminate(false, true);
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden' && online && !terminated) {
      save(true);
      driver.commit();
    }
  });

  var found = detectDriver();
  if (!found) {
    say(
      'Progress is not recorded: this page was opened outside a learning system. You can still read it and try the checks.',
      'offline',
    );
    return;
  }
  Promise.resolve(found.init()).then(function (state) {
    if (typeof state === 'string') {
      say('Progress is not recorded: the learning system did not start this session (' + state + ').', 'offline');
      return;
    }
    driver = found;
    driver.mastery = state.mastery;
    driver.notRecording = state.notRecording || '';
    online = true;
    if (driver.notRecording) {
      say(
        'Your learning system opened this in ' + driver.notRecording + ' mode: your answers are not recorded.',
        'online',
      );
      return;
    }
    var restored = restoreAnswers(state.suspend);
    var place = state.location ? document.getElementById(state.location) : null;
    if (place) lastLocation = state.location;
    say(
      restored || place
        ? 'Your progress is recorded by your learning system. You are back where you left off.'
        : 'Your progress is recorded by your learning system.',
      'online',
    );
    if (place) {
      // After the status line and the restored answers have taken their room, and once more on
      // the next frame, when the layout has settled (the frame may still be resizing).
      place.scrollIntoView();
      window.requestAnimationFrame(function () {
        place.scrollIntoView();
      });
    }
  });
})();
