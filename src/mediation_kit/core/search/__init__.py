"""The Whoosh index and the query engine. Every Whoosh import stays inside this package.

    api.py        what a search asks and answers (no Whoosh types): SearchQuery, Hit, ...
    analysis.py   folding, stop words, French/English stems, word starts for typing
    schema.py     the index fields and SCHEMA_VERSION
    documents.py  pack records -> index documents
    pairs.py      pairs of frequent terms, indexed for fast phrases
    index.py      build_index, index_fingerprint, ensure_index, check_index, IndexStatus
    storage.py    read-only memory-mapped access to an index folder
    querylang.py  the query language, parsed without ever failing
    ranking.py    posting lists as sets, BM25F scores, top rows
    snippets.py   HTML snippets with the matches marked
    spelling.py   close real words for "did you mean" and fuzzy matches
    engine.py     SearchEngine: search(), suggest(), close()
"""
