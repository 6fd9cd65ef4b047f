// Tandem console: small progressive enhancements only; every page works without this file.
// Forms that undo something (e.g. unlinking a program) ask first.
document.addEventListener("submit", (event) => {
  const message = event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
