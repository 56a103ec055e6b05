/* The participants' page of the room (docs/participation.md).
 * Every text from the server is shown with textContent: never as markup.
 * Plain ES2017 (fetch, promises), for a browser of a five-year-old phone. */
'use strict';

(function () {
  var STRINGS = {
    fr: {
      app: 'Visions+21 — la salle', other_lang: 'English', join_title: 'Rejoindre la salle',
      code_label: 'Code affiché au projecteur', next: 'Continuer', table_label: 'Votre table',
      join: 'Rejoindre', new_card: 'Nouvelle carte', kind_label: 'Type de carte',
      text_label: 'Texte de la carte', send: 'Envoyer', save: 'Enregistrer', cancel: 'Annuler',
      mine: 'Les cartes de votre table, depuis cet appareil', no_cards: 'Aucune carte envoyée.',
      edit: 'Modifier', withdraw: 'Retirer', chars_left: '{n} caractères restants',
      minutes: '{n} min prévues', remaining: 'Reste {t}', overrun: 'Dépassement {t}',
      pending: 'En attente de l’animateur·rice', accepted: 'Prise au tableau', refused: 'Non retenue',
      budget: 'Votes : {used} sur {budget} donnés', more: 'Un vote de plus pour « {t} »',
      less: 'Un vote de moins pour « {t} »', results: 'Résultats', votes_n: '{n} votes', votes_1: '{n} vote',
      hidden_note: 'Les résultats restent cachés jusqu’à ce que l’animateur·rice les révèle.',
      room_vote: 'Ce vote se compte dans la salle.', sent: 'Carte envoyée.', no_sequence: 'Pas de séquence en cours.',
      offline: 'La salle ne répond pas : votre brouillon est gardé, nouvel essai dans quelques secondes.',
      choose_table: 'Choisissez votre table.',
      kinds: { issue: 'Enjeu', threat: 'Menace', resource: 'Ressource', trend: 'Tendance',
               weak_signal: 'Signal faible', challenge: 'Défi', idea: 'Idée', action: 'Action', vision: 'Vision' },
      errors: {
        bad_code: 'Ce n’est pas le code de la salle.', too_many_codes: 'Trop de codes erronés : attendez une minute.',
        bad_table: 'Choisissez une des tables.', room_full: 'La salle est complète.',
        bad_token: 'Cet appareil n’est plus dans la salle : rejoignez-la de nouveau.',
        no_token: 'Rejoignez la salle d’abord.', blocked: 'L’animateur·rice a bloqué cet appareil.',
        too_fast: 'Trop d’envois d’un coup : attendez quelques secondes.',
        too_long: 'Une carte tient en 500 caractères au plus.', empty: 'Une carte a besoin d’un texte.',
        bad_kind: 'La séquence ne demande pas ce type de carte.', taken: 'L’animateur·rice a déjà pris cette carte.',
        over_budget: 'Plus assez de votes pour cela.', no_vote: 'Aucun vote n’est ouvert.',
        inbox_full: 'Beaucoup de vos cartes attendent : patientez.',
        bad_text: 'Ce texte ne peut pas être reçu.', other: 'La salle a refusé : {m}'
      }
    },
    en: {
      app: 'Visions+21 — the room', other_lang: 'Français', join_title: 'Join the room',
      code_label: 'Code shown on the projector', next: 'Next', table_label: 'Your table',
      join: 'Join', new_card: 'New card', kind_label: 'Kind of card',
      text_label: 'Text of the card', send: 'Send', save: 'Save', cancel: 'Cancel',
      mine: 'Your table’s cards, from this device', no_cards: 'No card sent yet.',
      edit: 'Edit', withdraw: 'Withdraw', chars_left: '{n} characters left',
      minutes: '{n} min planned', remaining: '{t} left', overrun: 'Overrun {t}',
      pending: 'Waiting for the facilitator', accepted: 'On the board', refused: 'Not kept',
      budget: 'Votes: {used} of {budget} given', more: 'One more vote for “{t}”',
      less: 'One vote less for “{t}”', results: 'Results', votes_n: '{n} votes', votes_1: '{n} vote',
      hidden_note: 'Results stay hidden until the facilitator reveals them.',
      room_vote: 'This vote is counted in the room.', sent: 'Card sent.', no_sequence: 'No sequence under way.',
      offline: 'The room does not answer: your draft is kept, trying again in a few seconds.',
      choose_table: 'Choose your table.',
      kinds: { issue: 'Issue', threat: 'Threat', resource: 'Resource', trend: 'Trend',
               weak_signal: 'Weak signal', challenge: 'Challenge', idea: 'Idea', action: 'Action', vision: 'Vision' },
      errors: {
        bad_code: 'This is not the room’s code.', too_many_codes: 'Too many wrong codes: wait a minute.',
        bad_table: 'Choose one of the tables.', room_full: 'The room is full.',
        bad_token: 'This device is no longer in the room: join again.',
        no_token: 'Join the room first.', blocked: 'The facilitator blocked this device.',
        too_fast: 'Too much at once: wait a few seconds.',
        too_long: 'A card holds at most 500 characters.', empty: 'A card needs a text.',
        bad_kind: 'The sequence does not ask for this kind of card.', taken: 'The facilitator already took this card.',
        over_budget: 'Not enough votes left for that.', no_vote: 'No vote is open.',
        inbox_full: 'Many of your cards are waiting: be patient.',
        bad_text: 'This text cannot be taken.', other: 'The room refused: {m}'
      }
    }
  };

  var store = window.localStorage;
  var lang = store.getItem('v21.lang') || ((navigator.language || 'fr').slice(0, 2) === 'fr' ? 'fr' : 'en');
  var token = store.getItem('v21.token');
  var state = null;
  var editing = null;
  var timer = null;
  var live = null;       /* the WebSocket that says "changed" */
  var liveRetry = null;
  var ticks = 0;
  var drawn = {};        /* what each part shows, so a refresh redraws only what changed */

  /* Whether @part must be drawn again for @value: rebuilding a list under the
   * participant's finger would close a picker or lose the focus. */
  function changed(part, value) {
    var key = lang + JSON.stringify(value);
    if (drawn[part] === key) return false;
    drawn[part] = key;
    return true;
  }

  function $(id) { return document.getElementById(id); }
  function t(key, args) {
    var text = STRINGS[lang][key] || key;
    Object.keys(args || {}).forEach(function (k) { text = text.split('{' + k + '}').join(String(args[k])); });
    return text;
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function say(text, ok) {
    var status = $('status');
    status.textContent = text;
    status.className = ok ? 'status ok' : 'status';
    status.hidden = !text;
  }
  function sayError(body) {
    var known = STRINGS[lang].errors[body && body.error];
    say(known || STRINGS[lang].errors.other.replace('{m}', (body && body.message) || ''));
  }

  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    var options = { method: method, headers: headers, cache: 'no-store', credentials: 'omit' };
    if (token) headers['Authorization'] = 'Bearer ' + token;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (response) {
      return response.json().then(function (data) {
        if (response.status === 401 && token) leave();
        return { ok: response.ok, status: response.status, body: data };
      });
    });
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (node) {
      node.textContent = t(node.getAttribute('data-t'));
    });
    $('lang').textContent = t('other_lang');
    $('lang').lang = lang === 'fr' ? 'en' : 'fr';
    $('send').textContent = editing ? t('save') : t('send');
    updateCount();
    if (state) render();
  }

  /* --- Joining ------------------------------------------------------------ */

  function showJoin() {
    $('join-view').hidden = false;
    $('room-view').hidden = true;
    $('code').value = store.getItem('v21.code') || '';
  }

  function leave() {
    token = null;
    store.removeItem('v21.token');
    if (timer) clearInterval(timer);
    timer = null;
    if (liveRetry) clearTimeout(liveRetry);
    liveRetry = null;
    if (live) live.close();
    showJoin();
  }

  $('code-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var code = $('code').value;
    api('POST', '/api/tables', { code: code }).then(function (answer) {
      if (!answer.ok) { sayError(answer.body); $('code').focus(); return; }
      say('');
      store.setItem('v21.code', code);
      var list = $('tables');
      clear(list);
      answer.body.tables.forEach(function (table, i) {
        var label = el('label');
        var input = el('input');
        input.type = 'radio';
        input.name = 'table';
        input.value = table.id;
        input.id = 'table-' + i;
        label.appendChild(input);
        label.appendChild(el('span', null, table.name));
        list.appendChild(label);
      });
      $('table-form').hidden = false;
      var first = list.querySelector('input');
      if (first) first.focus();
    }).catch(function () { say(t('offline')); });
  });

  $('table-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var chosen = document.querySelector('input[name=table]:checked');
    if (!chosen) { say(t('choose_table')); return; }
    api('POST', '/api/join', { code: store.getItem('v21.code') || '', table: chosen.value }).then(function (answer) {
      if (!answer.ok) { sayError(answer.body); return; }
      say('');
      token = answer.body.token;
      store.setItem('v21.token', token);
      enter();
    }).catch(function () { say(t('offline')); });
  });

  /* --- In the room ---------------------------------------------------------- */

  function enter() {
    $('join-view').hidden = true;
    $('room-view').hidden = false;
    $('text').value = store.getItem('v21.draft') || '';
    updateCount();
    refresh();
    connectLive();
    if (!timer) timer = setInterval(tick, 3000);
  }

  /* Polls every 3 s without a live socket, every 15 s with one (in case a
   * message was lost while the phone slept). */
  function tick() {
    ticks++;
    if (!live || live.readyState !== 1 || ticks % 5 === 0) refresh();
  }

  function connectLive() {
    if (!token || !window.WebSocket || live) return;
    try {
      live = new WebSocket('ws://' + location.host + '/api/live?token=' + encodeURIComponent(token));
    } catch (e) {
      live = null;
      return;
    }
    document.documentElement.setAttribute('data-live', 'connecting');
    live.onopen = function () { document.documentElement.setAttribute('data-live', 'open'); };
    live.onmessage = function () { refresh(); };
    live.onclose = function () {
      live = null;
      document.documentElement.setAttribute('data-live', 'closed');
      if (token && !liveRetry) liveRetry = setTimeout(function () { liveRetry = null; connectLive(); }, 3000);
    };
  }

  function refresh() {
    if (!token) return;
    api('GET', '/api/state').then(function (answer) {
      if (!answer.ok) { if (answer.status !== 401) sayError(answer.body); return; }
      if ($('status').textContent === t('offline')) say('');
      state = answer.body;
      render();
    }).catch(function () { say(t('offline')); });
  }

  function clock(seconds) {
    var s = Math.abs(seconds);
    var m = Math.floor(s / 60);
    var r = s % 60;
    return m + ':' + (r < 10 ? '0' : '') + r;
  }

  function render() {
    var seq = state.sequence;
    $('workshop').textContent = state.workshop;
    $('table-name').textContent = state.table;
    $('sequence-title').textContent = seq ? seq.title : t('no_sequence');
    $('instructions').textContent = seq ? seq.instructions : '';
    if (!seq) $('timer').textContent = '';
    else if (seq.remaining_seconds === null) $('timer').textContent = t('minutes', { n: seq.minutes });
    else if (seq.remaining_seconds >= 0) $('timer').textContent = t('remaining', { t: clock(seq.remaining_seconds) });
    else $('timer').textContent = t('overrun', { t: clock(seq.remaining_seconds) });
    if (changed('kinds', seq ? seq.kinds : [])) renderKinds(seq ? seq.kinds : []);
    if (changed('cards', state.cards)) renderCards();
    if (changed('round', state.round)) renderVote();
  }

  function renderKinds(kinds) {
    var select = $('kind');
    var chosen = select.value || store.getItem('v21.kind');
    clear(select);
    kinds.forEach(function (kind) {
      var option = el('option', null, STRINGS[lang].kinds[kind] || kind);
      option.value = kind;
      select.appendChild(option);
    });
    if (kinds.indexOf(chosen) >= 0) select.value = chosen;
  }

  function renderCards() {
    var list = $('my-cards');
    clear(list);
    $('no-cards').hidden = state.cards.length > 0;
    state.cards.slice().reverse().forEach(function (card) {
      var item = el('li');
      item.appendChild(el('p', 'card-meta', (STRINGS[lang].kinds[card.kind] || card.kind) + ' · ' + t(card.status)));
      item.appendChild(el('p', 'card-text', card.text));
      if (card.status === 'pending') {
        var row = el('div', 'row');
        var edit = el('button', 'secondary', t('edit'));
        var withdraw = el('button', 'secondary', t('withdraw'));
        edit.type = withdraw.type = 'button';
        edit.setAttribute('aria-label', t('edit') + ' : ' + card.text.slice(0, 60));
        withdraw.setAttribute('aria-label', t('withdraw') + ' : ' + card.text.slice(0, 60));
        edit.addEventListener('click', function () { startEdit(card); });
        withdraw.addEventListener('click', function () {
          api('DELETE', '/api/cards/' + encodeURIComponent(card.id)).then(function (answer) {
            if (!answer.ok) sayError(answer.body);
            refresh();
          });
        });
        row.appendChild(edit);
        row.appendChild(withdraw);
        item.appendChild(row);
      }
      list.appendChild(item);
    });
  }

  function renderVote() {
    var round = state.round;
    var section = $('vote');
    section.hidden = !round;
    if (!round) return;
    $('vote-title').textContent = round.title;
    var list = $('targets');
    clear(list);
    if (!round.can_vote && !round.revealed) {
      $('budget').textContent = t('room_vote');
    } else if (!round.revealed) {
      $('budget').textContent = t('budget', { used: round.used, budget: round.budget });
      round.targets.forEach(function (target) {
        var item = el('li', 'target');
        var less = el('button', 'secondary less', '−');
        var more = el('button', 'more', '+');
        less.type = more.type = 'button';
        less.setAttribute('aria-label', t('less', { t: target.text.slice(0, 60) }));
        more.setAttribute('aria-label', t('more', { t: target.text.slice(0, 60) }));
        less.disabled = target.mine <= 0;
        more.disabled = round.used >= round.budget;
        less.setAttribute('data-target', target.id);
        more.setAttribute('data-target', target.id);
        less.addEventListener('click', function () { vote(target, target.mine - 1, 'less'); });
        more.addEventListener('click', function () { vote(target, target.mine + 1, 'more'); });
        item.appendChild(el('span', 'target-text', target.text));
        item.appendChild(less);
        item.appendChild(el('span', 'n', String(target.mine)));
        item.appendChild(more);
        list.appendChild(item);
      });
      list.appendChild(el('li', 'hint', t('hidden_note')));
    } else {
      $('budget').textContent = t('results');
    }
    var results = $('results');
    clear(results);
    results.hidden = !round.revealed;
    (round.results || []).forEach(function (r) {
      results.appendChild(el('li', null, r.rank + '. ' + r.text + ' — ' + t((lang === 'fr' ? r.total <= 1 : r.total === 1) ? 'votes_1' : 'votes_n', { n: r.total })));
    });
  }

  function vote(target, count, which) {
    api('PUT', '/api/votes', { target: target.id, count: count }).then(function (answer) {
      if (!answer.ok) { sayError(answer.body); return; }
      say('');
      state.round = answer.body;
      if (changed('round', state.round)) renderVote();
      /* The keyboard stays where it was: on the same button, or its neighbour once disabled. */
      var buttons = document.querySelectorAll('#targets button[data-target="' + target.id + '"]');
      for (var i = 0; i < buttons.length; i++) {
        if (buttons[i].classList.contains(which) && !buttons[i].disabled) { buttons[i].focus(); return; }
      }
      if (buttons.length) buttons[which === 'more' ? 0 : buttons.length - 1].focus();
    }).catch(function () { say(t('offline')); });
  }

  function startEdit(card) {
    editing = card.id;
    $('text').value = card.text;
    $('kind').value = card.kind;
    $('send').textContent = t('save');
    $('cancel-edit').hidden = false;
    updateCount();
    $('text').focus();
  }

  function stopEdit() {
    editing = null;
    $('text').value = '';
    store.removeItem('v21.draft');
    $('send').textContent = t('send');
    $('cancel-edit').hidden = true;
    updateCount();
  }

  function updateCount() {
    $('count').textContent = t('chars_left', { n: 500 - $('text').value.length });
  }

  $('text').addEventListener('input', function () {
    if (!editing) store.setItem('v21.draft', $('text').value);
    updateCount();
  });
  $('kind').addEventListener('change', function () { store.setItem('v21.kind', $('kind').value); });
  $('cancel-edit').addEventListener('click', stopEdit);

  $('card-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var body = { kind: $('kind').value, text: $('text').value };
    var request = editing ? api('PUT', '/api/cards/' + encodeURIComponent(editing), body) : api('POST', '/api/cards', body);
    $('send').disabled = true;
    request.then(function (answer) {
      $('send').disabled = false;
      if (!answer.ok) { sayError(answer.body); return; }
      say(t('sent'), true);
      stopEdit();
      $('text').focus();
      refresh();
    }).catch(function () { $('send').disabled = false; say(t('offline')); });
  });

  $('lang').addEventListener('click', function () {
    lang = lang === 'fr' ? 'en' : 'fr';
    store.setItem('v21.lang', lang);
    applyLanguage();
  });

  applyLanguage();
  if (token) enter(); else showJoin();
})();
