// The agent's phone view: the camera scanner (where the browser reads barcodes), the GPS position, the
// signature pad and the photo, and a queue of actions that survives a flaky connection. An action is
// kept in localStorage with its Idempotency-Key until the server has answered it; a retry of one the
// server did receive is answered as the first time and done once. No inline script: the content
// security policy runs only files like this one.
(function () {
    'use strict';
    var QUEUE = 'waybill.agent.queue';
    var main = document.getElementById('main');
    var queueBox = document.getElementById('queue');
    if (!main || !queueBox || !window.fetch || !window.localStorage) {
        return;
    }
    main.classList.add('scripted');

    // ---- The queue ------------------------------------------------------------------------------

    function newKey() {
        var bytes = new Uint8Array(16);
        window.crypto.getRandomValues(bytes);
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
        return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-'
            + hex.slice(20);
    }

    function load() {
        try {
            return JSON.parse(localStorage.getItem(QUEUE) || '[]');
        } catch (unreadable) {
            return [];
        }
    }

    function save(actions) {
        localStorage.setItem(QUEUE, JSON.stringify(actions));
    }

    function say(key, action, state, detail) {
        var id = 'queued-' + action.key;
        var line = document.getElementById(id);
        if (!line) {
            line = document.createElement('li');
            line.id = id;
            document.getElementById('queue-list').appendChild(line);
        }
        line.className = state;
        line.textContent = queueBox.dataset[key].replace('{0}', detail || action.what);
    }

    function remove(key) {
        save(load().filter(function (action) { return action.key !== key; }));
    }

    var sending = false;

    /** Sends the queued actions one after the other, oldest first; what cannot be sent now stays. */
    function flush() {
        if (sending) {
            return;
        }
        var actions = load();
        if (actions.length === 0) {
            return;
        }
        sending = true;
        send(actions[0]).then(function (keepGoing) {
            sending = false;
            if (keepGoing) {
                flush();
            }
        });
    }

    function send(action) {
        say('sending', action, 'sending');
        var headers = { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': action.key };
        headers[queueBox.dataset.csrfHeader] = queueBox.dataset.csrf;
        return fetch(action.url, {
            method: 'POST', credentials: 'same-origin', redirect: 'manual', headers: headers,
            body: JSON.stringify(action.body)
        }).then(function (response) {
            var type = response.headers.get('Content-Type') || '';
            if (response.ok && type.indexOf('json') >= 0) {
                return response.json().then(function (outcome) {
                    remove(action.key);
                    say('sent', action, 'sent', outcome.message);
                    var status = document.getElementById('status');
                    if (status && action.url.indexOf('/' + outcome.tracking_number + '/') >= 0) {
                        status.textContent = outcome.status_text;
                        status.className = 'status status-' + outcome.status;
                    }
                    return true;
                });
            }
            if (type.indexOf('problem+json') >= 0 && !(response.status === 409 && response.headers.get('Retry-After'))
                    && response.status < 500) {
                // The server judged the action itself: it will not be sent again.
                return response.json().then(function (problem) {
                    remove(action.key);
                    say('refused', action, 'refused', action.what + ': ' + problem.detail);
                    return true;
                });
            }
            if (response.status === 409 && response.headers.get('Retry-After')) {
                // The same action is still being done by the server (sent before a reload, say):
                // asked again when the server says, which then answers with its outcome.
                say('queued', action, 'queued');
                var seconds = parseInt(response.headers.get('Retry-After'), 10);
                window.setTimeout(flush, (isNaN(seconds) ? 1 : Math.max(1, seconds)) * 1000);
                return false;
            }
            if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
                // Signed out, or the session changed: kept until the agent signs in again.
                say('signin', action, 'queued');
                return false;
            }
            say('queued', action, 'queued');
            return false;
        }, function () {
            // No answer at all: the network is down. Sent again when it is back.
            say('queued', action, 'queued');
            return false;
        });
    }

    function fields(form) {
        var body = {};
        new FormData(form).forEach(function (value, name) {
            if (name !== '_csrf' && typeof value === 'string') {
                body[name] = value;
            }
        });
        return body;
    }

    Array.prototype.forEach.call(document.querySelectorAll('form.agent-action'), function (form) {
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            if (form.id === 'deliver-form') {
                prepareProof(form);
            }
            var action = { key: form.dataset.key, url: form.action, what: form.dataset.what, body: fields(form) };
            // A new key for whatever this form sends next: this action keeps its own until it is answered.
            form.dataset.key = newKey();
            var actions = load().filter(function (queued) { return queued.key !== action.key; });
            actions.push(action);
            try {
                save(actions);
            } catch (full) {
                say('full', action, 'refused');
                return;
            }
            if (navigator.onLine === false) {
                say('queued', action, 'queued');
            } else {
                flush();
            }
        });
    });

    // Shown again after a reload: what is still waiting.
    load().forEach(function (action) { say('queued', action, 'queued'); });
    window.addEventListener('online', flush);
    window.setInterval(function () {
        if (navigator.onLine !== false) {
            flush();
        }
    }, 30000);
    flush();

    // ---- The camera scanner -------------------------------------------------------------------

    // Shown only where the browser reads barcodes: some have BarcodeDetector but no format at all.
    var camera = document.getElementById('camera');
    if (camera && 'BarcodeDetector' in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
        window.BarcodeDetector.getSupportedFormats().then(function (supported) {
            var wanted = ['code_128', 'qr_code', 'code_39', 'ean_13'].filter(function (format) {
                return supported.indexOf(format) >= 0;
            });
            if (wanted.length > 0) {
                offerCamera(camera, new window.BarcodeDetector({ formats: wanted }));
            }
        }, function () { /* no camera scanning here: the typed number still works */ });
    }

    function offerCamera(camera, detector) {
        camera.hidden = false;
        var button = document.getElementById('camera-button');
        var video = document.getElementById('camera-view');
        var stream = null;
        var stop = function () {
            if (stream) {
                stream.getTracks().forEach(function (track) { track.stop(); });
            }
            stream = null;
            video.hidden = true;
            button.textContent = camera.dataset.start;
        };
        var look = function () {
            if (!stream) {
                return;
            }
            detector.detect(video).then(function (codes) {
                if (codes.length > 0) {
                    document.getElementById('code').value = codes[0].rawValue;
                    stop();
                    document.getElementById('scan-form').submit();
                } else {
                    window.setTimeout(look, 250);
                }
            }, function () {
                window.setTimeout(look, 500);
            });
        };
        button.addEventListener('click', function () {
            if (stream) {
                stop();
                return;
            }
            navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (opened) {
                stream = opened;
                video.srcObject = stream;
                video.hidden = false;
                button.textContent = camera.dataset.stop;
                return video.play().then(look);
            }).catch(function () {
                stop();
                document.getElementById('camera-hint').textContent = camera.dataset.failed;
            });
        });
    }

    // ---- GPS ------------------------------------------------------------------------------------

    var gps = document.getElementById('gps');
    if (gps && navigator.geolocation) {
        gps.hidden = false;
        document.getElementById('gps-button').addEventListener('click', function () {
            var result = document.getElementById('gps-result');
            navigator.geolocation.getCurrentPosition(function (position) {
                Array.prototype.forEach.call(document.querySelectorAll('form.agent-action'), function (form) {
                    form.elements.lat.value = position.coords.latitude.toFixed(6);
                    form.elements.lon.value = position.coords.longitude.toFixed(6);
                });
                result.textContent = gps.dataset.added.replace('{0}', Math.round(position.coords.accuracy));
            }, function () {
                result.textContent = gps.dataset.failed;
            }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
        });
    }

    // ---- Proof of delivery: which proof, the signature pad, the photo ---------------------------

    var deliver = document.getElementById('deliver-form');
    var pad = document.getElementById('signature-pad');
    var photoData = '';
    var signed = false;

    function showProof() {
        var kind = deliver.elements.kind.value;
        ['otp', 'signature', 'photo'].forEach(function (name) {
            deliver.querySelector('.proof-' + name).hidden = name !== kind;
        });
    }

    function prepareProof(form) {
        var kind = form.elements.kind.value;
        form.elements.image.value = kind === 'signature' && signed ? pad.toDataURL('image/png')
            : kind === 'photo' ? photoData : '';
        if (kind !== 'otp') {
            form.elements.code.value = '';
        }
    }

    if (deliver && pad) {
        Array.prototype.forEach.call(deliver.elements.kind, function (radio) {
            radio.addEventListener('change', showProof);
        });
        showProof();
        var ink = pad.getContext('2d');
        ink.lineWidth = 2.5;
        ink.lineCap = 'round';
        ink.strokeStyle = '#1b1f24';
        var drawing = false;
        var at = function (event) {
            var box = pad.getBoundingClientRect();
            return { x: (event.clientX - box.left) * pad.width / box.width, y: (event.clientY - box.top) * pad.height / box.height };
        };
        pad.addEventListener('pointerdown', function (event) {
            drawing = true;
            pad.setPointerCapture(event.pointerId);
            var p = at(event);
            ink.beginPath();
            ink.moveTo(p.x, p.y);
        });
        pad.addEventListener('pointermove', function (event) {
            if (!drawing) {
                return;
            }
            var p = at(event);
            ink.lineTo(p.x, p.y);
            ink.stroke();
            signed = true;
        });
        var lift = function () { drawing = false; };
        pad.addEventListener('pointerup', lift);
        pad.addEventListener('pointercancel', lift);
        document.getElementById('signature-clear').addEventListener('click', function () {
            ink.clearRect(0, 0, pad.width, pad.height);
            signed = false;
        });
        // A phone's photo is several megabytes: made at most 1280 px wide or high as a JPEG, it fits a
        // request and the queue.
        document.getElementById('photo').addEventListener('change', function (event) {
            var file = event.target.files && event.target.files[0];
            photoData = '';
            if (!file) {
                return;
            }
            // Read as a data URL: the policy lets images come from data URLs, not from blob URLs.
            var reader = new FileReader();
            reader.onload = function () {
                var picture = new Image();
                picture.onload = function () {
                    var scale = Math.min(1, 1280 / Math.max(picture.width, picture.height));
                    var canvas = document.createElement('canvas');
                    canvas.width = Math.round(picture.width * scale);
                    canvas.height = Math.round(picture.height * scale);
                    canvas.getContext('2d').drawImage(picture, 0, 0, canvas.width, canvas.height);
                    photoData = canvas.toDataURL('image/jpeg', 0.8);
                };
                picture.src = reader.result;
            };
            reader.readAsDataURL(file);
        });
    }
})();
