"""Language tools every stage shares: one lexicon, aliases, numbers, dates and tense, who speaks.

Each word list, stemmer or name table exists once, here; claims, quotes, the timeline, entities,
story grouping and provenance import it instead of keeping a copy.
"""
