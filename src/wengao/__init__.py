"""wengao (文稿): assemble Chinese official speeches and reports into GB/T 9704 .docx drafts."""

__version__ = "0.1.0"
