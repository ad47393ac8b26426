"""What a pack may hold, in one place (documented in resources/README.md, "Limits").

Real packs are far below every limit: a summary is a few kB, a three-hour transcript about
2,500 cues and 300 kB, a poster PNG a few MB. The limits are there so that a damaged or
hostile pack costs a named problem, never hours of indexing or gigabytes of memory.
"""

MIB = 1024 * 1024

# Per file, by what the file is.
MAX_TEXT_BYTES = 2 * MIB  # pack.toml, replays.toml, kit.toml, summaries, press texts
MAX_TRANSCRIPT_BYTES = 32 * MIB  # WebVTT
MAX_KIT_FILE_BYTES = 32 * MIB  # images and every other kit file

# Transcripts: every cue is a search document, and indexing one costs about half a
# millisecond. 20,000 cues is eleven hours at one cue every two seconds.
MAX_TRANSCRIPT_CUES = 20_000
MAX_PACK_CUES = 100_000

# Per pack, every file below its folder counted (hidden ones aside).
MAX_PACK_BYTES = 512 * MIB
MAX_PACK_FILES = 10_000
MAX_PACK_DEPTH = 16  # folders inside folders

# Images, judged from their header: a viewer allocates 4 bytes a pixel, and 64 megapixels
# is Qt's default allocation limit (256 MB). An A2 poster at 300 dpi is 35 megapixels.
MAX_IMAGE_PIXELS = 64 * MIB
MAX_IMAGE_SIDE = 20_000
