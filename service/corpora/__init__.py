"""Readers of the annotated corpora (TimeML, MEANTIME CAT XML, SemEval-2015 task 4) that evaluation,
training and benchmarks share."""
