"""Search: the Whoosh index of a library and the query language users type.

The only package that imports Whoosh; its errors become ``RecensionError``s here. Uses
``text`` and ``storage``. ``budget`` bounds the words a prefix or fuzzy query expands into.
"""
