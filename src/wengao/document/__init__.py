"""The document as a small AST of blocks, and the transforms that finish it before writing."""
