// Pagefind's search interface, in the language of the page (set by <html lang>).
window.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("pencarian");
  new PagefindUI({ element: "#pencarian", bundlePath: element.dataset.bundle, showSubResults: false, showImages: false });
});
