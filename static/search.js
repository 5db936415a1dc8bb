// Search in the browser, over the index the build writes beside the search page (see buletin/search.py).
// It fetches meta.json, then only the word, term and document files a query needs.
(() => {
  "use strict";
  const form = document.getElementById("search-form");
  if (!form || !window.fetch) return;
  const words = JSON.parse(document.getElementById("search-words").textContent);
  const indexUrl = new URL(form.dataset.index, document.baseURI);
  const rootUrl = new URL(form.dataset.root, document.baseURI);
  const input = form.elements.q;
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const more = document.getElementById("search-more");
  const filterBox = document.getElementById("search-filters");
  const language = document.documentElement.lang || "id";
  const numberFormat = new Intl.NumberFormat(language);
  const SHOWN_AT_ONCE = 10;
  const PREFIX_FROM = 3; // the last word of a query also finds longer words from this many letters
  const MOST_EXPANSIONS = 40; // words a prefix may stand for
  // The build's words: runs of letters, hyphenated words whole (buletin/related.py, words_in).
  const WORD = /[\p{L}\p{Nl}\p{No}]+(?:-[\p{L}\p{Nl}\p{No}]+)*/gu;
  const FILTERS = ["region", "topic", "year"];

  const files = new Map();
  function load(name, options) {
    if (!files.has(name)) {
      files.set(name, fetch(new URL(name, indexUrl), options).then((response) => {
        if (!response.ok) throw new Error(`${name}: ${response.status}`);
        return response.json();
      }));
    }
    return files.get(name);
  }
  const meta = load("meta.json", { cache: "no-cache" });
  let members = null; // the documents of each filter value, fetched with the first filter or search

  // Word and term files hold ranges of keys: [first key, file] in order.
  function rangeAt(ranges, key) {
    let low = 0, high = ranges.length - 1, found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (ranges[middle][0] <= key) { found = middle; low = middle + 1; } else { high = middle - 1; }
    }
    return found;
  }
  function filesStartingWith(ranges, prefix) {
    const names = [];
    for (let at = Math.max(0, rangeAt(ranges, prefix)); at < ranges.length; at++) {
      if (names.length && !ranges[at][0].startsWith(prefix)) break;
      names.push(ranges[at][1]);
    }
    return names;
  }

  // The terms a query word stands for: null when no bulletin has the word, [] for a stopword.
  async function termsOf(word, asPrefix) {
    const index = await meta;
    if (!asPrefix) {
      const at = rangeAt(index.words, word);
      if (at < 0) return null;
      const table = await load(index.words[at][1]);
      return Object.prototype.hasOwnProperty.call(table, word) ? table[word] : null;
    }
    const tables = await Promise.all(filesStartingWith(index.words, word).map((name) => load(name)));
    const exact = tables.find((table) => Object.prototype.hasOwnProperty.call(table, word));
    if (exact && !exact[word].length) return []; // a stopword ("dan"), not the start of "danau"
    const found = tables.flatMap((table) => Object.keys(table).filter((key) => key.startsWith(word)));
    if (!found.length) return null;
    found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    const table = Object.assign({}, ...tables);
    return [...new Set(found.slice(0, MOST_EXPANSIONS).flatMap((key) => table[key]))];
  }

  // Documents with any of the terms, each with its best weight.
  async function postings(terms) {
    const index = await meta;
    const found = new Map();
    await Promise.all(terms.map(async (term) => {
      const at = rangeAt(index.terms, term);
      if (at < 0) return;
      const list = (await load(index.terms[at][1]))[term] || [];
      for (let i = 0, document = 0; i < list.length; i += 2) {
        document = i ? document + list[i] : list[i];
        found.set(document, Math.max(found.get(document) || 0, list[i + 1]));
      }
    }));
    return found;
  }

  // [document, score] of the bulletins with every word of the query, best first; null: nothing to look for.
  async function find(query) {
    const queryWords = [...new Set(query.toLowerCase().match(WORD) || [])];
    const groups = [];
    for (const [number, word] of queryWords.entries()) {
      const last = number === queryWords.length - 1;
      const terms = await termsOf(word, last && word.length >= PREFIX_FROM);
      if (terms === null) return { words: queryWords, hits: [] };
      if (terms.length) groups.push(terms);
    }
    if (!groups.length) return null;
    let scores = null;
    for (const found of await Promise.all(groups.map(postings))) {
      if (scores === null) { scores = found; continue; }
      const both = new Map();
      for (const [document, score] of scores) if (found.has(document)) both.set(document, score + found.get(document));
      scores = both;
    }
    const hits = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return { words: queryWords, hits };
  }

  function decode(gaps) {
    const documents = new Set();
    gaps.reduce((previous, gap, i) => { const document = i ? previous + gap : gap; documents.add(document); return document; }, 0);
    return documents;
  }

  async function filterMembers() {
    if (!members) {
      const index = await meta;
      const raw = await load(index.filter_file);
      members = {};
      for (const name of FILTERS) {
        members[name] = {};
        for (const [value, gaps] of Object.entries(raw[name] || {})) members[name][value] = decode(gaps);
      }
    }
    return members;
  }

  function chosenFilters() {
    const chosen = {};
    for (const box of filterBox.querySelectorAll("input[type=checkbox]:checked")) {
      (chosen[box.name] = chosen[box.name] || []).push(box.value);
    }
    return chosen;
  }

  // Within a filter any chosen value will do; across filters, all must hold.
  function passes(document, chosen, all) {
    return Object.entries(chosen).every(([name, values]) => values.some((value) => all[name][value]?.has(document)));
  }

  async function documentAt(number) {
    const index = await meta;
    const page = await load(index.pages[Math.floor(number / index.documents_per_file)]);
    return page[number % index.documents_per_file];
  }

  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  }

  // Text with the words that start like a query word marked, built as nodes (never as HTML).
  function marked(text, queryWords) {
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of text.matchAll(WORD)) {
      const lower = match[0].toLowerCase();
      if (!queryWords.some((word) => lower === word || (word.length >= PREFIX_FROM && lower.startsWith(word)))) continue;
      fragment.append(text.slice(last, match.index));
      const mark = document.createElement("mark");
      mark.textContent = match[0];
      fragment.append(mark);
      last = match.index + match[0].length;
    }
    fragment.append(text.slice(last));
    return fragment;
  }

  function resultItem([path, title, date, region, excerpt], queryWords) {
    const item = document.createElement("li");
    item.className = "card search-result";
    const heading = document.createElement("h2");
    heading.className = "card-title";
    const link = document.createElement("a");
    link.href = new URL(path, rootUrl).href;
    link.append(marked(title, queryWords));
    heading.append(link);
    const details = document.createElement("p");
    details.className = "card-meta";
    details.textContent = region ? `${date} · ${region}` : date;
    item.append(heading, details);
    if (excerpt) {
      const summary = document.createElement("p");
      summary.className = "card-summary";
      summary.append(marked(excerpt, queryWords));
      item.append(summary);
    }
    return item;
  }

  let current = { hits: [], words: [], shown: 0 };
  let searchNumber = 0;

  async function showMore(focusFirst) {
    const state = current;
    const { hits, words: queryWords, shown } = state;
    const next = hits.slice(shown, shown + SHOWN_AT_ONCE);
    const documents = await Promise.all(next.map(([number]) => documentAt(number)));
    if (state !== current || state.shown !== shown) return; // another search, or another click, came first
    const items = documents.map((shownDocument) => resultItem(shownDocument, queryWords));
    list.append(...items);
    current.shown += next.length;
    more.hidden = current.shown >= hits.length;
    if (focusFirst && items.length) items[0].querySelector("a").focus();
  }

  function updateCounts(found, all) {
    for (const box of filterBox.querySelectorAll("input[type=checkbox]")) {
      const count = found ? found.filter(([document]) => all[box.name][box.value]?.has(document)).length
        : Number(box.dataset.total);
      box.parentElement.querySelector(".count").textContent = `(${numberFormat.format(count)})`;
    }
  }

  function remember(query, chosen) {
    const parameters = new URLSearchParams();
    if (query.trim()) parameters.set("q", query.trim());
    for (const name of FILTERS) for (const value of chosen[name] || []) parameters.append(name, value);
    const search = parameters.toString();
    history.replaceState(null, "", search ? `?${search}` : location.pathname);
  }

  async function run() {
    const number = ++searchNumber;
    const query = input.value;
    const chosen = chosenFilters();
    remember(query, chosen);
    try {
      const filtering = Object.keys(chosen).length > 0;
      const [result, all] = await Promise.all([find(query), filtering || query.trim() ? filterMembers() : null]);
      if (number !== searchNumber) return; // a newer search has started
      let hits;
      if (result) {
        hits = result.hits;
      } else if (filtering) {
        const index = await meta;
        hits = Array.from({ length: index.documents }, (_, document) => [document, 0]);
      } else {
        hits = null;
      }
      if (all) updateCounts(result ? result.hits : null, all);
      hits = hits && filtering ? hits.filter(([document]) => passes(document, chosen, all)) : hits;
      list.replaceChildren();
      current = { hits: hits || [], words: result ? result.words : [], shown: 0 };
      if (hits === null) {
        status.textContent = "";
        more.hidden = true;
        return;
      }
      await showMore(false);
      if (number !== searchNumber) return;
      const count = numberFormat.format(hits.length);
      const shownQuery = query.trim();
      // Said once the first results are there, so that a screen reader can go on to them.
      status.textContent = !hits.length ? say(words.none, { query: shownQuery })
        : result ? say(words.results, { count, query: shownQuery }) : say(words.listed, { count });
    } catch (error) {
      if (number !== searchNumber) return;
      status.textContent = words.failed;
      more.hidden = true;
    }
  }

  function filterGroup(name, values, chosen) {
    const group = document.createElement("fieldset");
    group.className = "search-filter";
    const legend = document.createElement("legend");
    legend.textContent = words[name];
    group.append(legend);
    for (const [value, total] of values) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = name;
      box.value = value;
      box.dataset.total = total;
      box.checked = chosen.includes(value);
      const count = document.createElement("span");
      count.className = "count";
      count.textContent = `(${numberFormat.format(total)})`;
      label.append(box, ` ${value} `, count);
      group.append(label);
    }
    return group;
  }

  async function start() {
    const parameters = new URLSearchParams(location.search);
    input.value = parameters.get("q") || "";
    try {
      const index = await meta;
      for (const name of FILTERS) {
        const values = index.filters[name] || [];
        if (values.length > 1) filterBox.append(filterGroup(name, values, parameters.getAll(name)));
      }
      filterBox.hidden = !filterBox.querySelector("fieldset");
      filterBox.open = Boolean(filterBox.querySelector(":checked"));
    } catch (error) {
      status.textContent = words.failed;
      return;
    }
    if (input.value.trim() || filterBox.querySelector(":checked")) run();
  }

  let typing = 0;
  input.addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(run, 200); });
  form.addEventListener("submit", (event) => { event.preventDefault(); clearTimeout(typing); run(); });
  filterBox.addEventListener("change", run);
  more.addEventListener("click", () => showMore(true));
  start();
})();
