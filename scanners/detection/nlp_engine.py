"""Presidio's NlpEngine backed by spaCy blank pipelines: offline Thai and English.

No statistical model is loaded or downloaded. Thai text is segmented by
spaCy's ``th`` tokenizer, which calls PyThaiNLP's dictionary-based ``newmm``
with the dictionary bundled in the PyThaiNLP wheel. Named entities come from
our own recognizers, not from the pipeline, so ``entities`` is always empty;
tokens and lower-cased "lemmas" feed Presidio's context enhancer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine
from spacy.language import Language

SUPPORTED_LANGUAGES: tuple[str, ...] = ("th", "en")


class ThaiBlankNlpEngine(NlpEngine):
    """Tokenise with spaCy's blank pipelines; never touch the network."""

    def __init__(self, languages: Iterable[str] = SUPPORTED_LANGUAGES) -> None:
        self.languages = tuple(dict.fromkeys(languages))
        unknown = [lang for lang in self.languages if lang not in SUPPORTED_LANGUAGES]
        if unknown:
            raise ValueError(f"unsupported detection language(s): {', '.join(unknown)}")
        self._pipelines: dict[str, Language] = {}
        self._stopwords: dict[str, frozenset[str]] = {}

    def load(self) -> None:
        for lang in self.languages:
            pipeline = spacy.blank(lang)
            self._pipelines[lang] = pipeline
            self._stopwords[lang] = frozenset(pipeline.Defaults.stop_words)

    def is_loaded(self) -> bool:
        return len(self._pipelines) == len(self.languages)

    def _pipeline(self, language: str) -> Language:
        if not self.is_loaded():
            self.load()
        try:
            return self._pipelines[language]
        except KeyError as exc:
            raise ValueError(f"detection language '{language}' is not loaded") from exc

    def _artifacts(self, doc: spacy.tokens.Doc, language: str) -> NlpArtifacts:
        return NlpArtifacts(
            entities=[],
            tokens=doc,
            tokens_indices=[token.idx for token in doc],
            lemmas=[token.text.lower() for token in doc],
            nlp_engine=self,
            language=language,
            scores=[],
        )

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        return self._artifacts(self._pipeline(language)(text), language)

    def process_batch(
        self,
        texts: Iterable[str],
        language: str,
        batch_size: int = 1,
        n_process: int = 1,
        **kwargs: object,
    ) -> Iterator[tuple[str, NlpArtifacts]]:
        pipeline = self._pipeline(language)
        for text in texts:
            yield text, self._artifacts(pipeline(text), language)

    def is_stopword(self, word: str, language: str) -> bool:
        return word.lower() in self._stopwords.get(language, frozenset())

    def is_punct(self, word: str, language: str) -> bool:
        return bool(word) and all(not ch.isalnum() for ch in word)

    def get_supported_entities(self) -> list[str]:
        return []

    def get_supported_languages(self) -> list[str]:
        return list(self.languages)
