"""Mining: corpus files → cleaned paragraphs → documents → phrase-bank entries."""
