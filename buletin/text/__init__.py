"""Words, stems and the analyzer, shared by the related lists and the search index.

Rules of this package: no input or output (the memo of stems comes from the
caller and goes back to it); it imports only the configuration's weights; the
related lists and the search index read text through it alone, so both see
the same words.

Its modules: words (a document's words, counted), stemmers (stems and
stopwords), analyzer (the words of many documents as a matrix, and what each
word stands for), html (plain text from a body's HTML). Import them by name:
this file loads none of them, so that a module using one pays for no other (the
analyzer brings scipy).
"""
