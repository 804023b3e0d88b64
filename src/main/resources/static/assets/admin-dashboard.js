// Draws the admin dashboard's charts with Chart.js from the figures the page carries in data-trend
// (snake_case, as the API writes them). Labels come from the tables under the charts, so the text
// stays in the message bundle; without this script (or Chart.js) those tables still show everything.
(function () {
    'use strict';
    var section = document.getElementById('trend');
    if (!section || !window.Chart) {
        return;
    }
    var trend = JSON.parse(section.dataset.trend);
    var ink = '#1b1f24';
    var brand = '#0b4f94';
    var green = '#1d7a3a';
    var orange = '#b35900';
    var red = '#a3161a';
    Chart.defaults.color = ink;
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.animation = false;

    function headings(tableId) {
        return Array.prototype.map.call(document.querySelectorAll('#' + tableId + ' thead th'), function (cell) {
            return cell.textContent.trim();
        });
    }

    function rowHeadings(tableId) {
        return Array.prototype.map.call(document.querySelectorAll('#' + tableId + ' tbody th'), function (cell) {
            return cell.textContent.trim();
        });
    }

    function percent(value) {
        return value === null ? null : Math.round(value * 1000) / 10;
    }

    var columns = headings('table-days');
    var days = rowHeadings('table-days');
    var figures = trend.days.map(function (day) { return day.figures; });

    function series(name, map) {
        return figures.map(function (day) { return map ? map(day[name]) : day[name]; });
    }

    function draw(id, config) {
        var canvas = document.getElementById(id);
        if (canvas) {
            new Chart(canvas, config);
        }
    }

    draw('chart-bookings', {
        type: 'bar',
        data: {
            labels: days,
            datasets: [
                { label: columns[1], data: series('booked'), backgroundColor: brand },
                { label: columns[2], data: series('delivered'), backgroundColor: green },
                { label: columns[3], data: series('failed_attempts'), backgroundColor: red }
            ]
        },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });

    draw('chart-rates', {
        type: 'line',
        data: {
            labels: days,
            datasets: [
                { label: columns[4] + ' (%)', data: series('delivery_rate', percent), borderColor: brand,
                    backgroundColor: brand, spanGaps: true },
                { label: columns[7] + ' (%)', data: series('first_attempt_rate', percent), borderColor: orange,
                    backgroundColor: orange, spanGaps: true, borderDash: [6, 4] }
            ]
        },
        options: { scales: { y: { min: 0, max: 100 } } }
    });

    draw('chart-hours', {
        type: 'line',
        data: {
            labels: days,
            datasets: [
                { label: columns[5], data: series('average_hours'), borderColor: brand, backgroundColor: brand,
                    spanGaps: true },
                { label: columns[6], data: series('p90_hours'), borderColor: red, backgroundColor: red,
                    spanGaps: true, borderDash: [6, 4] }
            ]
        },
        options: { scales: { y: { beginAtZero: true } } }
    });

    var hubColumns = headings('table-hubs');
    draw('chart-hubs', {
        type: 'bar',
        data: {
            labels: rowHeadings('table-hubs'),
            datasets: [
                { label: hubColumns[2], data: trend.by_hub.map(function (hub) { return hub.shipments_booked; }),
                    backgroundColor: brand },
                { label: hubColumns[3], data: trend.by_hub.map(function (hub) { return hub.delivered; }),
                    backgroundColor: green }
            ]
        },
        options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });

    var reasonRows = document.querySelectorAll('#table-reasons tbody th');
    draw('chart-reasons', {
        type: 'bar',
        data: {
            labels: rowHeadings('table-reasons'),
            datasets: [{
                label: headings('table-reasons')[1],
                data: Array.prototype.map.call(reasonRows, function (cell) {
                    return trend.by_reason[cell.dataset.reason] || 0;
                }),
                backgroundColor: red
            }]
        },
        options: { indexAxis: 'y', plugins: { legend: { display: false } },
            scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
})();
