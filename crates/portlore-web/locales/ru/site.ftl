# Site messages: home, index, blocks, search, recent changes, feedback overview, API reference.
