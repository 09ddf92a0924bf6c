// The TenantKit operations page. Reads the tenants and tenantloggers actuator endpoints of the instance that
// served it. Everything that comes from the server is untrusted text: it reaches the DOM only through
// textContent and attribute setters, never through innerHTML. The Content-Security-Policy allows no inline
// script, so this file is the page's only code.
'use strict';

(function () {
  const REFRESH_MS = 5000;
  // The page is <actuator base>/tenantops: the endpoints it reads are its siblings.
  const base = location.pathname.replace(/\/[^/]*\/?$/, '');
  const previous = { at: 0, requests: new Map() };
  let tenantIds = [];

  function $(id) { return document.getElementById(id); }

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach(function (cell) { tr.appendChild(cell instanceof Node ? cell : el('td', cell)); });
    return tr;
  }

  /** A row of one cell across the whole table, for a message such as "nothing here". */
  function note(text, columns) {
    const td = el('td', text, 'hint');
    td.colSpan = columns;
    return row([td]);
  }

  function replaceRows(tbody, rows) {
    tbody.replaceChildren.apply(tbody, rows);
  }

  function shortName(className) {
    const name = String(className);
    return name.substring(name.lastIndexOf('.') + 1);
  }

  async function call(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    const init = { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(base + path, init);
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!response.ok) {
      const detail = json && json.detail ? json.detail : text.substring(0, 300);
      throw new Error(method + ' ' + base + path + ' answered ' + response.status + (detail ? ': ' + detail : ''));
    }
    return json;
  }

  function fillSelect(select, values) {
    const current = select.value;
    const options = values.map(function (value) {
      const option = el('option', value);
      option.value = value;
      return option;
    });
    select.replaceChildren.apply(select, options);
    if (values.indexOf(current) >= 0) { select.value = current; }
  }

  function renderTenants(body) {
    const traffic = (body.details && body.details.traffic) || {};
    const now = Date.now();
    const seconds = previous.at ? (now - previous.at) / 1000 : 0;
    const rows = body.tenants.map(function (t) {
      const counts = traffic[t.id];
      const before = previous.requests.get(t.id);
      let rate = '–';
      if (counts && before !== undefined && seconds > 0) {
        rate = ((counts.requests - before) / seconds).toFixed(2);
      }
      if (counts) { previous.requests.set(t.id, counts.requests); }
      const tr = row([el('td', t.id), el('td', t.name), el('td', t.status, 'status-' + t.status), el('td', t.parent || ''),
        el('td', t.locale), el('td', t.currency || ''), el('td', t.timeZone),
        el('td', counts ? counts.requests : '–', 'num'), el('td', rate, 'num'),
        el('td', counts ? counts.clientErrors : '–', 'num'), el('td', counts ? counts.serverErrors : '–', 'num')]);
      tr.dataset.tenant = t.id;
      return tr;
    });
    previous.at = now;
    replaceRows($('tenants').tBodies[0], rows);
    const unknown = traffic.unknown ? traffic.unknown.requests : 0;
    const none = traffic.none ? traffic.none.requests : 0;
    $('untenanted').textContent = 'Requests naming a tenant the registry does not know: ' + unknown
      + '; requests without a tenant (the actuator\'s own included): ' + none + '.';

    const ids = body.tenants.map(function (t) { return t.id; });
    if (ids.join('\n') !== tenantIds.join('\n')) {
      tenantIds = ids;
      fillSelect($('config-tenant'), ids);
      fillSelect($('logger-tenant'), ids);
    }
    renderMatrix(body.details && body.details.extensions);
  }

  function renderMatrix(extensions) {
    const head = $('matrix').tHead.rows[0];
    const tbody = $('matrix').tBodies[0];
    if (!extensions) {
      head.replaceChildren(el('th', 'No extension points'));
      replaceRows(tbody, []);
      return;
    }
    const headers = [el('th', 'Tenant')].concat(extensions.points.map(function (point) {
      const th = el('th', shortName(point));
      th.title = point;
      return th;
    }));
    head.replaceChildren.apply(head, headers);
    const rows = Object.keys(extensions.matrix).map(function (tenant) {
      const byPoint = extensions.matrix[tenant];
      const cells = [el('th', tenant)].concat(extensions.points.map(function (point) {
        const answer = byPoint[point] || { level: 'none' };
        const td = document.createElement('td');
        if (answer.implementation) {
          const impl = el('span', shortName(answer.implementation), 'impl');
          impl.title = answer.implementation;
          td.appendChild(impl);
          td.appendChild(document.createTextNode(' '));
        }
        td.appendChild(el('span', answer.level, 'level'));
        td.dataset.point = point;
        return td;
      }));
      const tr = row(cells);
      tr.dataset.tenant = tenant;
      return tr;
    });
    replaceRows(tbody, rows);
    replaceRows($('matrix-warnings'), (extensions.warnings || []).map(function (w) { return el('li', w, 'error'); }));
  }

  async function loadConfiguration() {
    const tenant = $('config-tenant').value;
    const tbody = $('config').tBodies[0];
    if (!tenant) { replaceRows(tbody, []); return; }
    const body = await call('GET', '/tenants/' + encodeURIComponent(tenant));
    const configuration = body && body.details ? body.details.configuration : null;
    if (!configuration) {
      replaceRows(tbody, [note('No tenant configuration files for ' + tenant, 4)]);
      return;
    }
    replaceRows(tbody, configuration.keys.map(function (entry) {
      return row([el('td', entry.key), el('td', entry.value), el('td', entry.origin),
        el('td', (entry.overrides || []).join('\n'))]);
    }));
  }

  function renderOverrides(body) {
    const level = $('logger-level');
    if (level.options.length === 0) {
      fillSelect(level, body.levels);
      level.value = 'DEBUG';
    }
    const rows = [];
    Object.keys(body.tenants).forEach(function (tenant) {
      const loggers = body.tenants[tenant];
      Object.keys(loggers).forEach(function (logger) {
        const descriptor = loggers[logger];
        const clear = el('button', 'Clear');
        clear.type = 'button';
        clear.addEventListener('click', function () { setLevel(tenant, logger, null, null); });
        const action = document.createElement('td');
        action.appendChild(clear);
        const tr = row([el('td', tenant), el('td', logger), el('td', descriptor.configuredLevel),
          el('td', descriptor.expiresAt || 'never'), action]);
        tr.dataset.tenant = tenant;
        tr.dataset.logger = logger;
        rows.push(tr);
      });
    });
    if (rows.length === 0) { rows.push(note('No per-tenant levels set', 5)); }
    replaceRows($('overrides').tBodies[0], rows);
  }

  async function loadOverrides() {
    renderOverrides(await call('GET', '/tenantloggers'));
  }

  async function setLevel(tenant, logger, level, expiresAfter) {
    $('logger-error').textContent = '';
    const body = { configuredLevel: level };
    if (level && expiresAfter) { body.expiresAfter = expiresAfter; }
    try {
      await call('POST', '/tenantloggers/' + encodeURIComponent(tenant) + '/' + encodeURIComponent(logger), body);
      await loadOverrides();
    } catch (e) {
      $('logger-error').textContent = e.message;
    }
  }

  async function refresh() {
    try {
      renderTenants(await call('GET', '/tenants'));
      await loadOverrides();
      await loadConfiguration();
      $('status').textContent = 'Updated ' + new Date().toLocaleTimeString();
      $('status').className = '';
    } catch (e) {
      $('status').textContent = e.message;
      $('status').className = 'error';
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('logger-form').addEventListener('submit', function (event) {
      event.preventDefault();
      setLevel($('logger-tenant').value, $('logger-name').value.trim(), $('logger-level').value,
        $('logger-expires').value.trim());
    });
    $('config-tenant').addEventListener('change', function () {
      loadConfiguration().catch(function (e) { $('status').textContent = e.message; });
    });
    refresh();
    setInterval(refresh, REFRESH_MS);
  });
}());
