// The live handoff page: new messages and the state arrive as server-sent events from this server
// and are added as text (never as markup). Without this script the page still works: reload it.
(function () {
  'use strict';
  var status = document.getElementById('handoff-status');
  var list = document.getElementById('messages');
  if (!status || !list || !window.EventSource) return;
  var id = status.getAttribute('data-id');
  var events = new EventSource('/admin/handoff/events?id=' + encodeURIComponent(id));
  events.onmessage = function (event) {
    var state;
    try {
      state = JSON.parse(event.data);
    } catch {
      return;
    }
    if (state.messages.length < list.children.length) return;
    for (var i = list.children.length; i < state.messages.length; i += 1) {
      var m = state.messages[i];
      var item = document.createElement('li');
      item.className = m.from === 'user' ? 'user' : 'bot';
      var who = document.createElement('span');
      who.className = 'who';
      who.textContent = m.label;
      var time = document.createElement('span');
      time.className = 'time';
      time.textContent = m.time;
      var text = document.createElement('p');
      text.className = 'text';
      text.textContent = m.text;
      item.appendChild(who);
      item.appendChild(document.createTextNode(' '));
      item.appendChild(time);
      item.appendChild(text);
      list.appendChild(item);
    }
    var first = status.firstChild;
    if (first && first.nodeType === 3) first.nodeValue = first.nodeValue.replace(/^[^·]*/, state.statusLabel + ' ');
    if (state.status === 'ended') events.close();
  };
})();
