// A form with data-confirm asks before it is sent (removing a meeting or an
// activity). Without JavaScript the form is sent at once.
for (const form of document.querySelectorAll("form[data-confirm]")) {
  form.addEventListener("submit", (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
}
