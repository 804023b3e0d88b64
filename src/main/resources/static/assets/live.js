// Follows the shipment on the page live: the public event stream says when its history grows, and the
// page then fetches its server-rendered status and timeline again (same text, times and labels as the
// first paint). No inline script anywhere: the content security policy runs only files like this one.
(function () {
    'use strict';
    var section = document.getElementById('shipment');
    if (!section || !window.EventSource || !window.fetch) {
        return;
    }
    var source = null;
    var wanted = Number(section.dataset.sequence);
    var fetching = false;

    function isFinal() {
        return section.dataset.final === 'true';
    }

    function refresh() {
        if (fetching || wanted <= Number(section.dataset.sequence)) {
            return;
        }
        fetching = true;
        fetch(section.dataset.timeline, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                fetching = false;
                if (!html) {
                    return;
                }
                var template = document.createElement('template');
                template.innerHTML = html.trim();
                var fresh = template.content.querySelector('#shipment');
                if (!fresh) {
                    return;
                }
                // The live region stays in place so that screen readers announce what changed in it.
                section.innerHTML = fresh.innerHTML;
                section.dataset.sequence = fresh.dataset.sequence;
                section.dataset.final = fresh.dataset.final;
                document.dispatchEvent(new CustomEvent('waybill:shipment-updated'));
                if (isFinal() && source) {
                    source.close();
                } else {
                    refresh();
                }
            })
            .catch(function () { fetching = false; });
    }

    function follow() {
        if (isFinal()) {
            return;
        }
        source = new EventSource(section.dataset.stream);
        source.addEventListener('shipment.status', function (event) {
            var message = JSON.parse(event.data);
            wanted = Math.max(wanted, Number(message.sequence));
            refresh();
        });
        // The server ends a stream after its lifetime; follow again unless the shipment is done.
        source.addEventListener('stream.closed', function () {
            source.close();
            window.setTimeout(follow, 3000);
        });
    }

    follow();
})();
