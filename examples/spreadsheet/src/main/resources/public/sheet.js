// The spreadsheet page: renders the grid, sends edits over the WebSocket, applies every edit the
// server broadcasts (from this browser or any other), and shows what each edit recomputed.
(function () {
  'use strict';

  const grid = document.getElementById('grid');
  const gridWrap = document.getElementById('grid-wrap');
  const formula = document.getElementById('formula');
  const cellName = document.getElementById('cellname');
  const statusEl = document.getElementById('status');
  const errorEl = document.getElementById('error');
  const lastEdit = document.getElementById('last-edit');
  const history = document.getElementById('history');
  const whyEl = document.getElementById('why');
  const whyCell = document.getElementById('why-cell');

  let columns = 0;
  let rows = 0;
  let cells = {};          // name -> {raw, value, kind, detail}
  let selected = 'A1';
  let socket = null;
  let errorTimer = null;
  let whyRequest = 0;

  function columnName(c) {
    let s = '';
    for (c = c + 1; c > 0; c = Math.floor((c - 1) / 26)) {
      s = String.fromCharCode(65 + (c - 1) % 26) + s;
    }
    return s;
  }

  function parseName(name) {
    const m = /^([A-Z]+)([0-9]+)$/.exec(name);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { col: col - 1, row: parseInt(m[2], 10) - 1 };
  }

  function td(name) {
    return document.getElementById('cell-' + name);
  }

  function buildGrid() {
    grid.innerHTML = '';
    const head = grid.createTHead().insertRow();
    head.appendChild(document.createElement('th'));
    for (let c = 0; c < columns; c++) {
      const th = document.createElement('th');
      th.textContent = columnName(c);
      head.appendChild(th);
    }
    const body = grid.createTBody();
    for (let r = 0; r < rows; r++) {
      const tr = body.insertRow();
      const th = document.createElement('th');
      th.textContent = r + 1;
      tr.appendChild(th);
      for (let c = 0; c < columns; c++) {
        const cell = tr.insertCell();
        const name = columnName(c) + (r + 1);
        cell.id = 'cell-' + name;
        cell.dataset.cell = name;
      }
    }
  }

  function render(name) {
    const el = td(name);
    if (!el) return;
    const cell = cells[name] || { raw: '', value: '', kind: 'blank' };
    el.textContent = cell.value;
    const marks = ['recomputed', 'cutoff'].filter(c => el.classList.contains(c));
    el.className = cell.kind + (cell.raw.trim().startsWith('=') ? ' formula' : '')
        + (name === selected ? ' selected' : '') + (marks.length ? ' ' + marks.join(' ') : '');
    el.title = cell.detail || (cell.raw.startsWith('=') ? cell.raw : '');
  }

  function select(name) {
    const previous = selected;
    selected = name;
    render(previous);
    render(name);
    cellName.textContent = name;
    formula.value = (cells[name] || { raw: '' }).raw;
    const el = td(name);
    if (el) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    explain(name);
  }

  // Asks the engine why the selected cell has its value: the chain of nodes down to the edit that
  // last changed it, each with the revision it changed at.
  function explain(name) {
    const request = ++whyRequest;
    whyCell.textContent = name;
    fetch('/why/' + name).then(r => r.json()).then(answer => {
      if (request !== whyRequest) return; // a later selection or edit asked again
      whyEl.innerHTML = '';
      if (!answer.chain) {
        whyEl.textContent = answer.error || 'unknown';
        return;
      }
      const list = document.createElement('ol');
      list.id = 'why-chain';
      answer.chain.forEach((step, i) => {
        const item = document.createElement('li');
        const last = i === answer.chain.length - 1;
        item.textContent = step.label + ' changed at revision ' + step.changedAt
            + (step.input ? ' (an edit)' : last ? ' (first computed)' : '');
        list.appendChild(item);
      });
      whyEl.appendChild(list);
    }).catch(() => {});
  }

  function move(dc, dr) {
    const p = parseName(selected);
    const c = Math.min(columns - 1, Math.max(0, p.col + dc));
    const r = Math.min(rows - 1, Math.max(0, p.row + dr));
    select(columnName(c) + (r + 1));
  }

  function send(name, raw) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(name + '\n' + raw);
    } else {
      showError('Not connected; the edit was not sent.');
    }
  }

  function showError(message) {
    errorEl.textContent = message;
    errorEl.hidden = false;
    clearTimeout(errorTimer);
    errorTimer = setTimeout(() => { errorEl.hidden = true; }, 6000);
  }

  // Marks the cells of the last edit; they stay marked until the next one.
  function flash(names, cls) {
    for (const name of names) {
      const el = td(name);
      if (el) el.classList.add(cls);
    }
  }

  function chips(names, cls) {
    const div = document.createElement('div');
    div.className = 'chips';
    div.dataset.kind = cls;
    for (const name of names) {
      const span = document.createElement('span');
      span.className = 'chip ' + cls;
      span.textContent = name;
      div.appendChild(span);
    }
    return div;
  }

  function applySnapshot(msg) {
    columns = msg.columns;
    rows = msg.rows;
    cells = {};
    for (const c of msg.cells) {
      cells[c.cell] = { raw: c.raw, value: c.value, kind: c.kind, detail: c.detail };
    }
    buildGrid();
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) render(columnName(c) + (r + 1));
    }
    select(selected);
    document.body.dataset.revision = msg.revision;
  }

  function applyEdit(msg) {
    // Highlight only this edit's cells.
    for (const el of grid.querySelectorAll('td.recomputed, td.cutoff')) {
      el.classList.remove('recomputed', 'cutoff');
    }
    const edited = cells[msg.cell] || { raw: '', value: '', kind: 'blank' };
    edited.raw = msg.raw;
    cells[msg.cell] = edited;
    for (const c of msg.changed) {
      const cell = cells[c.cell] || { raw: '' };
      cell.value = c.value;
      cell.kind = c.kind;
      cell.detail = c.detail;
      cells[c.cell] = cell;
      render(c.cell);
    }
    render(msg.cell);
    if (msg.cell === selected && document.activeElement !== formula) {
      formula.value = msg.raw;
    }
    flash(msg.changed.map(c => c.cell), 'recomputed');
    flash(msg.cutOff, 'cutoff');
    showReport(msg);
    explain(selected);
    document.body.dataset.revision = msg.revision;
  }

  function showReport(msg) {
    lastEdit.innerHTML = '';
    const head = document.createElement('p');
    head.innerHTML = '<b></b> := <code></code> <span class="muted"></span>';
    head.querySelector('b').textContent = msg.cell;
    head.querySelector('code').textContent = msg.raw === '' ? '(empty)' : msg.raw;
    head.querySelector('span').textContent = 'revision ' + msg.revision;
    lastEdit.appendChild(head);

    const summary = document.createElement('p');
    summary.id = 'summary';
    const n = msg.recomputed.length;
    summary.textContent = 'Re-ran ' + n + ' cell' + (n === 1 ? '' : 's') + ' (' + msg.changed.length
        + ' changed, ' + msg.cutOff.length + ' cut off) in ' + msg.micros + ' µs.';
    lastEdit.appendChild(summary);

    const rerun = chips(msg.recomputed, 'rerun');
    rerun.id = 'recomputed';
    lastEdit.appendChild(labelled('Re-ran (in order):', rerun));
    if (msg.cutOff.length > 0) {
      const cut = chips(msg.cutOff, 'cut');
      cut.id = 'cutoff';
      lastEdit.appendChild(labelled('Re-ran to an equal value, so nothing past them re-ran:', cut));
    }

    if (msg.steps.length > 0) {
      const list = document.createElement('ol');
      list.id = 'trace';
      for (const step of msg.steps) {
        const item = document.createElement('li');
        item.className = 'step ' + step.kind.toLowerCase();
        const kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = step.kind.replace('_', ' ').toLowerCase();
        item.appendChild(kind);
        item.appendChild(document.createTextNode(' ' + step.label
            + (step.cause ? ' because ' + step.cause + ' changed' : '') + ' · ' + step.micros
            + ' µs'));
        list.appendChild(item);
      }
      lastEdit.appendChild(labelled('Engine trace (every node that ran, and why):', list));
    }

    const li = document.createElement('li');
    li.textContent = msg.cell + ' := ' + (msg.raw === '' ? '(empty)' : msg.raw) + ' — '
        + n + ' re-ran, ' + msg.micros + ' µs';
    history.prepend(li);
    while (history.children.length > 30) history.lastChild.remove();
  }

  function labelled(text, node) {
    const div = document.createElement('div');
    const label = document.createElement('div');
    label.className = 'muted';
    label.textContent = text;
    div.appendChild(label);
    div.appendChild(node);
    return div;
  }

  function connect() {
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
    socket = new WebSocket(url);
    socket.onmessage = (event) => {
      const msg = JSON.parse(event.data);
      if (msg.type === 'snapshot') {
        applySnapshot(msg);
        statusEl.textContent = 'live';
        statusEl.className = 'status online';
        document.body.dataset.connected = 'true';
      } else if (msg.type === 'edit') {
        applyEdit(msg);
      } else if (msg.type === 'error') {
        showError(msg.message);
      }
    };
    socket.onclose = () => {
      document.body.dataset.connected = 'false';
      statusEl.textContent = 'disconnected, retrying…';
      statusEl.className = 'status offline';
      setTimeout(connect, 1000);
    };
  }

  grid.addEventListener('click', (event) => {
    const cell = event.target.closest('td');
    if (cell) {
      select(cell.dataset.cell);
      gridWrap.focus();
    }
  });
  grid.addEventListener('dblclick', (event) => {
    if (event.target.closest('td')) formula.focus();
  });

  formula.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      send(selected, formula.value);
      move(0, 1);
      gridWrap.focus();
    } else if (event.key === 'Escape') {
      formula.value = (cells[selected] || { raw: '' }).raw;
      gridWrap.focus();
    }
  });
  gridWrap.addEventListener('keydown', (event) => {
    const moves = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0],
                    Tab: [1, 0] };
    if (moves[event.key]) {
      event.preventDefault();
      move(...moves[event.key]);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      formula.focus();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      send(selected, '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      formula.focus();
      formula.value = event.key;
    }
  });

  connect();
})();
