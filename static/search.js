// Pagefind's search interface, in the language of the page (set by <html lang>).
window.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("pencarian");
  new PagefindUI({ element: "#pencarian", bundlePath: element.dataset.bundle, showSubResults: false, showImages: false });
  // Give the search box a name for screen readers (Pagefind only sets a title).
  const label = () => {
    const input = element.querySelector("input");
    if (input && !input.hasAttribute("aria-label")) input.setAttribute("aria-label", element.dataset.label);
    return Boolean(input);
  };
  if (!label()) new MutationObserver((changes, observer) => label() && observer.disconnect())
    .observe(element, { childList: true, subtree: true });
});
