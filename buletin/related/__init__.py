"""Related bulletins for the "Baca juga" list, by meaning, for Indonesian and English text.

Rules of this package: pure (documents in, ranked lists out: no input or
output, nothing of files, pages or URLs); it reads text only through text/;
the state it hands back for the next build is the cache's to keep.

How a candidate is scored:
- text: cosine similarity of TF-IDF vectors of word stems (Sastrawi for
  Indonesian, Snowball for English), title and summary weighted above the body;
- acronyms: shared topic acronyms (TPPO, KBGO, DBD), weighted by rarity;
- tags: shared tags weighted by rarity (a tag on most bulletins weighs nothing);
- names: shared names of people and places. They follow the region and the
  office more than the topic, so by default they weigh little;
- region and time: small bonuses that only reorder bulletins that are already
  related by the signals above, never make one related on their own.

Candidates come from an inverted index of each document's most distinctive
terms (a champion list per term), never from comparing every pair.

Every stage works row by row (sparse_rows), and terms are numbered in the
order of their spelling, so a row worked out alone equals the same row of the
whole archive. A RankingState keeps each stage's rows; the next build, given
it, works out again only the rows an edit reaches and gives the lists a clean
ranking would.

Its modules: documents (Document, Signals, Candidate), terms (term counts and
TF-IDF), corpus (the documents as arrays), stages (any rows of each stage),
scratch (every row, from nothing), update (only the rows an edit reaches),
choose (the lists from the scores, vectorised, with its plain twin), explain,
ranking (RelatedIndex, the entry point), state, sparse_rows, and stage (the
build's related stage: the site in, the site with its lists out).
"""
