// "Print" buttons print the page; the print style sheet leaves out the menu and the buttons.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-print]');
  if (button) {
    window.print();
  }
});
