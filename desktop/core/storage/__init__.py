"""Library and storage: which articles a library holds, where they live, how they are written.

The read-only folders (the samples, ``--library DIR``), the user's own store of imported
copies, atomic writes, the store's lock (``lock``: one import or removal at a time across
processes). Uses ``text`` (to ingest files) and ``errors``; never search or versions.
"""
