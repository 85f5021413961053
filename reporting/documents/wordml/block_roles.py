"""What the document-wide finishing steps need to see of one block of a rendered body."""

WHOLE = "whole"  # the block itself: it stays in memory
OUTLINE = "outline"  # a stand-in with copies of the table's properties and first row
BULK = "bulk"  # nothing: it waits in a temporary file until the document is written
