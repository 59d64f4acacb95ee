// Small progressive enhancements; every page works without them.
(function () {
  // A second click on a submit button while the first request is on its way does nothing.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset.submitting === 'true') {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = 'true';
    form.querySelectorAll('button[type=submit]').forEach(function (button) {
      button.setAttribute('aria-disabled', 'true');
      button.classList.add('is-busy');
    });
  });
  // htmx requests carry the CSRF token from the page's meta tags.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name=_csrf]');
    var header = document.querySelector('meta[name=_csrf_header]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });
})();
