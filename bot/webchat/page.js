// The chat page: gets a Direct Line token from the bot's server (never a secret) and renders the
// real Web Chat widget, loaded from the installed botframework-webchat package.
(async function start() {
  const status = document.getElementById('status');
  const params = new URLSearchParams(window.location.search);
  const locale = params.get('lang') === 'en' ? 'en-GB' : 'fr-FR';
  document.documentElement.lang = locale.slice(0, 2);
  try {
    const response = await fetch('/api/directline/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locale }),
    });
    if (!response.ok) throw new Error('token ' + response.status);
    const { token, domain, userId } = await response.json();
    const directLine = window.WebChat.createDirectLine(
      domain
        ? { token, domain: new URL(domain, window.location.origin).href, webSocket: false, pollingInterval: 300 }
        : { token },
    );
    // Opened from an offer's address (/offres/3134-25-0966-SR, /offres/24-54956-MPRH; the server checked
    // it is a reference): ask for that offer straight away.
    const offer = /^(\d[\d-]*\d)-([A-Za-z]{2,5})$/.exec(params.get('offre') || '');
    if (offer) {
      const ask = locale === 'en-GB' ? 'details ' : 'détails ';
      directLine.postActivity({ type: 'message', text: ask + offer[1] + '/' + offer[2], from: { id: userId }, locale }).subscribe();
    }
    window.WebChat.renderWebChat(
      {
        directLine,
        userID: userId,
        locale,
        styleOptions: {
          accent: '#00456e',
          botAvatarInitials: 'NC',
          hideUploadButton: true,
          bubbleBackground: '#eef3f8',
          // Web Chat's default grey (#767676) reads at 4.1:1 on this bubble, under WCAG AA's 4.5:1 for the
          // cards' source lines and timestamps; this one reads at 6.3:1.
          subtle: '#595959',
          suggestedActionLayout: 'flow',
        },
      },
      document.getElementById('webchat'),
    );
  } catch (error) {
    status.textContent = locale === 'en-GB' ? status.dataset.unavailableEn : status.dataset.unavailableFr;
    console.error(error);
  }
})();
