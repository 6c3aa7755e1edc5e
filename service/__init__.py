"""timeline: news text in, a structured timeline of dated events and their actors out."""
