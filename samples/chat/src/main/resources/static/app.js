// HubKit chat page: plain JavaScript on the official SignalR client (window.signalR, served from /lib).
// Everything users type is rendered with textContent, never as markup.
(() => {
  'use strict';

  const HUB_URL = '/hubs/chat';
  const NAME_PATTERN = /^[\p{L}\p{N}_.-]{1,24}$/u;
  const ROOM_PATTERN = /^[a-z0-9][a-z0-9-]{0,23}$/;
  const TYPING_RESEND_MS = 2000;   // while typing, tell the room again at most this often
  const TYPING_IDLE_MS = 3000;     // after this long without a keystroke, say "stopped typing"
  const TYPING_SHOWN_MS = 6000;    // hide someone's indicator if their "stopped" never arrives
  const KEPT_DIRECT_MESSAGES = 50; // direct messages stay visible across room switches
  const NAME_KEY = 'hubkit-chat.name';

  const $ = (id) => document.getElementById(id);
  const ui = {
    signIn: $('sign-in'), signInForm: $('sign-in-form'), name: $('name'), signInError: $('sign-in-error'),
    app: $('app'), menuToggle: $('menu-toggle'), sidebar: $('sidebar'), status: $('status'),
    reconnect: $('reconnect'), me: $('me'), signOut: $('sign-out'),
    rooms: $('rooms'), newRoomForm: $('new-room-form'), newRoom: $('new-room'),
    online: $('online-users'), onlineCount: $('online-count'),
    roomTitle: $('room-title'), members: $('members'), leaveRoom: $('leave-room'),
    messages: $('messages'), typing: $('typing'), toast: $('toast'),
    composer: $('composer'), dmTarget: $('dm-target'), dmName: $('dm-name'), dmCancel: $('dm-cancel'),
    message: $('message'), send: $('send'),
  };

  const state = {
    me: null,
    connection: null,
    room: null,
    dmTarget: null,
    joinSeq: 0,
    history: null,             // subscription of the running history stream
    rooms: [],
    members: new Set(),
    online: new Set(),
    directMessages: [],
    typingTimers: new Map(),   // user -> timer that hides their indicator
    typingSentAt: 0,
    typingIdleTimer: null,
    toastTimer: null,
    closeError: null,          // why the server last closed the connection
  };

  // ---------- small helpers ----------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function avatar(name) {
    const node = el('span', 'avatar', Array.from(name)[0].toUpperCase());
    let hash = 0;
    for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)) % 360;
    node.style.setProperty('--hue', String(hash));
    node.setAttribute('aria-hidden', 'true');
    return node;
  }

  // A hub method's HubException text is meant for people; anything else is not.
  function friendlyError(error) {
    const text = error && error.message ? String(error.message) : String(error);
    const marker = 'HubException: ';
    const at = text.lastIndexOf(marker);
    return at >= 0 ? text.slice(at + marker.length) : 'Something went wrong; please try again.';
  }

  function showToast(text) {
    ui.toast.textContent = text;
    ui.toast.hidden = false;
    clearTimeout(state.toastTimer);
    state.toastTimer = setTimeout(() => { ui.toast.hidden = true; }, 6000);
  }

  function setStatus(kind, text) {
    ui.status.dataset.state = kind;
    ui.status.textContent = text;
    ui.reconnect.hidden = kind !== 'offline';
    ui.send.disabled = kind !== 'online';
  }

  function formatTime(value) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function scrollToEndIfNear(wasNearEnd) {
    if (wasNearEnd) ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  function isNearEnd() {
    const list = ui.messages;
    return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  }

  // ---------- messages ----------

  function messageItem(message) {
    const mine = message.from === state.me;
    const direct = message.to !== null && message.to !== undefined;
    const item = el('li', 'message' + (mine ? ' mine' : '') + (direct ? ' direct' : ''));
    item.dataset.id = String(message.id);
    item.appendChild(avatar(message.from));
    const body = el('div', 'body');
    const meta = el('div', 'meta');
    meta.appendChild(el('span', 'author', message.from));
    if (direct) meta.appendChild(el('span', 'direct-label', mine ? 'to ' + message.to : 'direct message'));
    const time = el('time', 'time', formatTime(message.sentAt));
    time.dateTime = String(message.sentAt);
    meta.appendChild(time);
    body.appendChild(meta);
    body.appendChild(el('p', 'text', message.text));
    item.appendChild(body);
    return item;
  }

  // Messages are kept in id order; one seen twice (live and in the history stream) is shown once.
  function addMessage(message) {
    if (ui.messages.querySelector(`li[data-id="${Number(message.id)}"]`)) return;
    const placeholder = ui.messages.querySelector('.notice.empty');
    if (placeholder) placeholder.remove();
    const nearEnd = isNearEnd();
    const item = messageItem(message);
    let after = null;
    for (let node = ui.messages.lastElementChild; node; node = node.previousElementSibling) {
      if (node.dataset.id && Number(node.dataset.id) < message.id) { after = node; break; }
    }
    if (after) after.after(item);
    else if (ui.messages.querySelector('li[data-id]')) ui.messages.querySelector('li[data-id]').before(item);
    else ui.messages.appendChild(item);
    scrollToEndIfNear(nearEnd);
  }

  function addNotice(text, kind) {
    const nearEnd = isNearEnd();
    ui.messages.appendChild(el('li', 'notice' + (kind ? ' ' + kind : ''), text));
    scrollToEndIfNear(nearEnd);
  }

  function keepDirectMessage(message) {
    state.directMessages.push(message);
    if (state.directMessages.length > KEPT_DIRECT_MESSAGES) state.directMessages.shift();
  }

  // ---------- sidebar and header ----------

  function renderRooms() {
    ui.rooms.replaceChildren(...state.rooms.map((room) => {
      const button = el('button', 'room' + (room.name === state.room ? ' active' : ''));
      button.type = 'button';
      button.dataset.room = room.name;
      button.appendChild(el('span', 'room-name', '#' + room.name));
      const count = room.name === state.room ? state.members.size : room.members;
      if (count > 0) button.appendChild(el('span', 'count', String(count)));
      if (room.name === state.room) button.setAttribute('aria-current', 'true');
      const item = el('li');
      item.appendChild(button);
      return item;
    }));
  }

  function renderOnline() {
    const names = Array.from(state.online).sort((a, b) => a.localeCompare(b));
    ui.onlineCount.textContent = String(names.length);
    ui.online.replaceChildren(...names.map((name) => {
      const button = el('button', 'person' + (name === state.dmTarget ? ' active' : ''));
      button.type = 'button';
      button.dataset.user = name;
      button.appendChild(avatar(name));
      button.appendChild(el('span', 'person-name', name));
      if (name === state.me) {
        button.appendChild(el('span', 'you', 'you'));
        button.disabled = true;
      }
      const item = el('li');
      item.appendChild(button);
      return item;
    }));
  }

  function renderMembers() {
    const names = Array.from(state.members).sort((a, b) => a.localeCompare(b));
    ui.members.replaceChildren(...names.map((name) => {
      const item = el('li', 'member');
      item.appendChild(avatar(name));
      item.appendChild(el('span', null, name));
      return item;
    }));
    renderRooms();
  }

  function renderRoomHeader() {
    ui.roomTitle.textContent = state.room ? '#' + state.room : 'Not in a room';
    ui.leaveRoom.hidden = !state.room;
    renderComposerTarget();
  }

  function renderComposerTarget() {
    ui.dmTarget.hidden = !state.dmTarget;
    ui.dmName.textContent = state.dmTarget || '';
    ui.message.placeholder = state.dmTarget ? 'Message ' + state.dmTarget + ' directly'
      : state.room ? 'Message #' + state.room : 'Join a room to write';
    ui.message.disabled = !state.dmTarget && !state.room;
  }

  function renderTyping() {
    const names = Array.from(state.typingTimers.keys()).sort();
    ui.typing.textContent = names.length === 0 ? ''
      : names.length === 1 ? names[0] + ' is typing…'
        : names.length <= 3 ? names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1] + ' are typing…'
          : 'Several people are typing…';
  }

  function setTyping(user, isTyping) {
    clearTimeout(state.typingTimers.get(user));
    state.typingTimers.delete(user);
    if (isTyping) {
      state.typingTimers.set(user, setTimeout(() => { state.typingTimers.delete(user); renderTyping(); }, TYPING_SHOWN_MS));
    }
    renderTyping();
  }

  function clearTyping() {
    state.typingTimers.forEach((timer) => clearTimeout(timer));
    state.typingTimers.clear();
    renderTyping();
  }

  function setDmTarget(user) {
    state.dmTarget = user;
    renderOnline();
    renderComposerTarget();
    closeMenu();
    ui.message.focus();
  }

  // ---------- hub calls ----------

  // Room counts change whenever anyone moves; the list is re-read whenever this page moves.
  function refreshRooms() {
    state.connection.invoke('rooms').then((rooms) => { state.rooms = rooms; renderRooms(); }, () => {});
  }

  async function refreshLists() {
    const [rooms, online] = await Promise.all([
      state.connection.invoke('rooms'),
      state.connection.invoke('onlineUsers'),
    ]);
    state.rooms = rooms;
    state.online = new Set(online);
    renderRooms();
    renderOnline();
  }

  async function joinRoom(room) {
    const seq = ++state.joinSeq;
    const snapshot = await state.connection.invoke('joinRoom', room);
    if (seq !== state.joinSeq) return; // a later switch won
    if (state.history) state.history.dispose();
    state.room = snapshot.room;
    state.members = new Set(snapshot.members);
    if (!state.rooms.some((r) => r.name === snapshot.room)) {
      state.rooms = state.rooms.concat([{ name: snapshot.room, members: snapshot.members.length, builtIn: false }]);
    }
    ui.messages.replaceChildren();
    ui.messages.dataset.history = 'loading';
    state.directMessages.forEach(addMessage);
    clearTyping();
    renderRoomHeader();
    renderMembers();
    closeMenu();
    const subscription = state.connection.stream('history', snapshot.room).subscribe({
      next: (message) => { if (message.room === state.room) addMessage(message); },
      complete: () => {
        if (state.history !== subscription) return;
        state.history = null;
        ui.messages.dataset.history = 'loaded';
        if (!ui.messages.querySelector('.message')) addNotice('No messages in #' + snapshot.room + ' yet. Say hello!', 'empty');
      },
      error: (error) => {
        if (state.history === subscription) { state.history = null; ui.messages.dataset.history = 'failed'; }
        showToast(friendlyError(error));
      },
    });
    state.history = subscription;
    refreshRooms();
  }

  async function leaveRoom() {
    await state.connection.invoke('leaveRoom');
    state.joinSeq++;
    if (state.history) { state.history.dispose(); state.history = null; }
    state.room = null;
    state.members = new Set();
    ui.messages.replaceChildren();
    state.directMessages.forEach(addMessage);
    addNotice('You are not in a room. Pick one on the left, or create one.');
    clearTyping();
    renderRoomHeader();
    renderMembers();
    refreshRooms();
  }

  function sendTyping(isTyping) {
    if (!state.room || !state.connection || state.connection.state !== signalR.HubConnectionState.Connected) return;
    state.connection.send('typing', state.room, isTyping).catch(() => { /* best effort */ });
  }

  function onComposerInput() {
    if (state.dmTarget || !state.room) return;
    const now = Date.now();
    if (now - state.typingSentAt > TYPING_RESEND_MS) {
      state.typingSentAt = now;
      sendTyping(true);
    }
    clearTimeout(state.typingIdleTimer);
    state.typingIdleTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  function stopTyping() {
    clearTimeout(state.typingIdleTimer);
    if (state.typingSentAt !== 0) {
      state.typingSentAt = 0;
      sendTyping(false);
    }
  }

  async function sendMessage() {
    const text = ui.message.value.trim();
    if (!text || ui.send.disabled) return; // not (yet) back in the room after a reconnect
    stopTyping();
    try {
      if (state.dmTarget) await state.connection.invoke('sendDirectMessage', state.dmTarget, text);
      else await state.connection.invoke('sendMessage', state.room, text);
      ui.message.value = '';
      ui.toast.hidden = true;
    } catch (error) {
      showToast(friendlyError(error));
    }
    ui.message.focus();
  }

  // ---------- connection ----------

  function createConnection(name) {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(HUB_URL + '?user=' + encodeURIComponent(name))
      .withAutomaticReconnect()
      .configureLogging(signalR.LogLevel.Warning)
      .build();

    connection.on('receiveMessage', (message) => { if (message.room === state.room) addMessage(message); });
    connection.on('directMessage', (message) => { keepDirectMessage(message); addMessage(message); });
    connection.on('userJoined', (room, user) => {
      if (room !== state.room) return;
      state.members.add(user);
      renderMembers();
      addNotice(user + ' joined #' + room);
    });
    connection.on('userLeft', (room, user) => {
      if (room !== state.room) return;
      state.members.delete(user);
      setTyping(user, false);
      renderMembers();
      addNotice(user + ' left #' + room);
    });
    connection.on('userOnline', (user) => { state.online.add(user); renderOnline(); });
    connection.on('userOffline', (user) => { state.online.delete(user); renderOnline(); });
    connection.on('typing', (room, user, isTyping) => { if (room === state.room) setTyping(user, isTyping); });
    connection.on('announcement', (announcement) => addNotice('Announcement: ' + announcement.text, 'announcement'));

    connection.onreconnecting(() => {
      setStatus('reconnecting', 'Reconnecting…');
      ui.messages.dataset.history = 'stale';
    });
    connection.onreconnected(() => {
      setStatus('connecting', 'Rejoining…');
      resync().catch(onFailure).then(() => {
        if (connection.state === signalR.HubConnectionState.Connected) setStatus('online', 'Online');
      });
    });
    connection.onclose((error) => {
      state.closeError = error || null;
      setStatus('offline', 'Disconnected');
      if (error) showToast(friendlyError(error));
    });
    return connection;
  }

  // After (re)connecting the server knows nothing of this page: fetch the lists and re-enter the room.
  async function resync() {
    await refreshLists();
    const target = state.room || (state.rooms[0] && state.rooms[0].name);
    if (target) await joinRoom(target);
  }

  function onFailure(error) {
    showToast(friendlyError(error));
  }

  async function start() {
    setStatus('connecting', 'Connecting…');
    await state.connection.start();
    await resync();
    setStatus('online', 'Online');
  }

  async function signIn(name) {
    state.me = name;
    state.closeError = null;
    state.connection = createConnection(name);
    ui.me.textContent = name;
    ui.signIn.hidden = true;
    ui.app.hidden = false;
    try {
      await start();
      sessionStorage.setItem(NAME_KEY, name);
      localStorage.setItem(NAME_KEY, name);
      ui.message.focus();
    } catch (error) {
      // A refused name arrives as the server's close reason, which may come before or with the failure.
      const reason = state.closeError || error;
      await state.connection.stop().catch(() => {});
      showSignIn(/HubException: /.test(String(reason && reason.message))
        ? friendlyError(reason) : 'Could not reach the chat server. Is it running?');
    }
  }

  async function signOut() {
    sessionStorage.removeItem(NAME_KEY);
    const connection = state.connection;
    state.connection = null;
    if (connection) await connection.stop().catch(() => {});
    Object.assign(state, { me: null, room: null, dmTarget: null, history: null, rooms: [], directMessages: [] });
    state.members = new Set();
    state.online = new Set();
    ui.messages.replaceChildren();
    clearTyping();
    showSignIn('');
  }

  function showSignIn(error) {
    ui.app.hidden = true;
    ui.signIn.hidden = false;
    ui.signInError.textContent = error;
    ui.signInError.hidden = !error;
    ui.name.focus();
  }

  function closeMenu() {
    ui.sidebar.classList.remove('open');
    ui.menuToggle.setAttribute('aria-expanded', 'false');
  }

  // ---------- wiring ----------

  ui.signInForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = ui.name.value.trim();
    if (!NAME_PATTERN.test(name)) {
      showSignIn("A name is 1 to 24 letters, digits, '_', '.' or '-'.");
      return;
    }
    signIn(name);
  });

  ui.rooms.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-room]');
    if (button && button.dataset.room !== state.room) joinRoom(button.dataset.room).catch(onFailure);
  });

  ui.newRoomForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const room = ui.newRoom.value.trim().replace(/^#/, '').toLowerCase();
    if (!ROOM_PATTERN.test(room)) {
      showToast("A room name is 1 to 24 lower-case letters, digits or '-', starting with a letter or digit.");
      return;
    }
    ui.newRoom.value = '';
    joinRoom(room).catch(onFailure);
  });

  ui.online.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-user]');
    if (button && button.dataset.user !== state.me) setDmTarget(button.dataset.user);
  });

  ui.dmCancel.addEventListener('click', () => setDmTarget(null));
  ui.leaveRoom.addEventListener('click', () => leaveRoom().catch(onFailure));
  ui.signOut.addEventListener('click', () => signOut());
  ui.reconnect.addEventListener('click', () => start().catch(onFailure));
  ui.menuToggle.addEventListener('click', () => {
    const open = ui.sidebar.classList.toggle('open');
    ui.menuToggle.setAttribute('aria-expanded', String(open));
  });

  ui.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    sendMessage();
  });
  ui.message.addEventListener('input', onComposerInput);
  ui.message.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      sendMessage();
    }
  });

  const remembered = sessionStorage.getItem(NAME_KEY);
  ui.name.value = remembered || localStorage.getItem(NAME_KEY) || '';
  if (remembered && NAME_PATTERN.test(remembered)) signIn(remembered);
  else showSignIn('');
})();
