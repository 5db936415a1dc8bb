(async () => {
  let status;
  try {
    const response = await fetch("/__buletin__/status.json", { cache: "no-store" });
    if (!response.ok) return;
    status = await response.json();
  } catch (error) { return; }
  if (!status.problems || status.problems.length === 0) return;
  const box = document.createElement("div");
  box.id = "buletin-problems";
  box.setAttribute("role", "alert");
  box.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:70vh;overflow:auto;" +
    "background:#7f1d1d;color:#fff;font:15px/1.5 system-ui,sans-serif;padding:12px 16px;" +
    "box-shadow:0 2px 10px rgba(0,0,0,.5);white-space:pre-wrap";
  const heading = document.createElement("strong");
  heading.textContent = "Build gagal / build failed (" + status.problems.length + "). " +
    "Halaman terakhir yang benar tetap ditampilkan.";
  box.append(heading);
  for (const problem of status.problems) {
    const item = document.createElement("div");
    item.style.marginTop = "8px";
    item.textContent = problem.text;
    box.append(item);
  }
  document.body.prepend(box);
})();
