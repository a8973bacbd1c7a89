"""Near-duplicate documents: the same wire story republished by many outlets.

Events should be stored once per story, with the number of articles that carried it (GDELT's
NumArticles / NumSources), not once per copy. Copies differ in datelines, bylines, a trimmed
last paragraph or a local sentence, so exact hashing is not enough: a document's fingerprint is
a MinHash of its word 5-shingles, whose matching slots estimate the Jaccard similarity of two
shingle sets, and an LSH index finds candidate copies without comparing every pair.

Fingerprints depend only on the text and the constants here (no Python `hash()`, no random
state), so they are the same in every process and run and can be stored to rebuild an index.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

SHINGLE_WORDS = 5
PERMUTATIONS = 128
BANDS = 32               # 4 slots a band: pairs at Jaccard 0.8 meet in some band with p > 0.999
THRESHOLD = 0.8          # estimated Jaccard at or above which a document is a near-duplicate
_PRIME = 4294967311      # the first prime above 2**32
_WORD = re.compile(r"\w+")


def _seeded(label: str) -> np.ndarray:
    """PERMUTATIONS fixed 32-bit coefficients, derived from a label (stable across numpy versions)."""
    return np.array([int.from_bytes(hashlib.blake2b(f"{label}{i}".encode(), digest_size=4).digest(),
                                    "little") | 1 for i in range(PERMUTATIONS)], dtype=np.uint64)


# (a·h + b) mod p, a, b, h below 2**32 < p: a·h + b stays below 2**64, exact in uint64
_A, _B = _seeded("onevoice-minhash-a")[:, None], _seeded("onevoice-minhash-b")[:, None]


def normalize(text: str) -> list[str]:
    """Words of the text, case, accents' composition and punctuation evened out."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


@dataclass(frozen=True)
class Fingerprint:
    """Exact digest of the normalised words plus the MinHash signature of their shingles."""

    digest: bytes        # 16 bytes: equal digests mean the same words in the same order
    signature: bytes     # PERMUTATIONS little-endian uint32 minima

    def similarity(self, other: Fingerprint) -> float:
        """Estimated Jaccard similarity of the two documents' shingle sets (1.0 when identical)."""
        if self.digest == other.digest:
            return 1.0
        return float(np.mean(self._slots() == other._slots()))

    def _slots(self) -> np.ndarray:
        return np.frombuffer(self.signature, dtype="<u4")

    def to_bytes(self) -> bytes:
        return self.digest + self.signature

    @classmethod
    def from_bytes(cls, data: bytes) -> Fingerprint:
        return cls(digest=bytes(data[:16]), signature=bytes(data[16:]))


def fingerprint(text: str) -> Fingerprint:
    """The fingerprint of a document's text."""
    words = normalize(text)
    digest = hashlib.blake2b(" ".join(words).encode(), digest_size=16).digest()
    k = min(SHINGLE_WORDS, len(words)) or 1
    shingles = {" ".join(words[i:i + k]) for i in range(max(1, len(words) - k + 1))}
    hashes = np.array([int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest(), "little")
                       for s in shingles], dtype=np.uint64)
    slots = ((_A * hashes[None, :] + _B) % _PRIME).min(axis=1) & 0xFFFFFFFF
    return Fingerprint(digest=digest, signature=slots.astype("<u4").tobytes())


@dataclass(frozen=True)
class Duplicate:
    """The earlier document that a new one copies."""

    of: str              # doc id of the earlier document
    similarity: float    # estimated Jaccard similarity, 1.0 for the same words
    exact: bool          # same normalised words


class DuplicateIndex:
    """Documents seen so far; says of each new one whether it copies one of them.

    Only originals are indexed: a copy is reported against the first document of its story,
    and adding it changes nothing, so memory grows with the number of distinct stories
    (about 6 KB each: a million stories take some 6 GB; for more, keep one index per month
    of publication, as copies of a wire story appear within days). Re-adding a known doc id
    (a re-run) is not a duplicate.
    """

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._by_digest: dict[bytes, str] = {}
        self._fingerprints: dict[str, Fingerprint] = {}
        self._buckets: dict[bytes, list[str]] = {}

    def __len__(self) -> int:
        return len(self._fingerprints)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._fingerprints

    def check(self, doc_id: str, text_or_fp: str | Fingerprint) -> Duplicate | None:
        """The indexed document this one copies (the most similar), or None; indexes nothing."""
        fp = text_or_fp if isinstance(text_or_fp, Fingerprint) else fingerprint(text_or_fp)
        if doc_id in self._fingerprints:
            return None
        if fp.digest in self._by_digest:
            return Duplicate(self._by_digest[fp.digest], 1.0, True)
        candidates = {other for key in self._band_keys(fp) for other in self._buckets.get(key, ())}
        best: Duplicate | None = None
        for other in sorted(candidates):
            sim = fp.similarity(self._fingerprints[other])
            if sim >= self.threshold and (best is None or sim > best.similarity):
                best = Duplicate(other, sim, False)
        return best

    def add(self, doc_id: str, text_or_fp: str | Fingerprint) -> Duplicate | None:
        """Check the document, then index it if it is an original; returns what `check` found."""
        fp = text_or_fp if isinstance(text_or_fp, Fingerprint) else fingerprint(text_or_fp)
        found = self.check(doc_id, fp)
        if found is None and doc_id not in self._fingerprints:
            self._fingerprints[doc_id] = fp
            self._by_digest.setdefault(fp.digest, doc_id)
            for key in self._band_keys(fp):
                self._buckets.setdefault(key, []).append(doc_id)
        return found

    @staticmethod
    def _band_keys(fp: Fingerprint) -> list[bytes]:
        width = len(fp.signature) // BANDS
        return [bytes([b]) + fp.signature[b * width:(b + 1) * width] for b in range(BANDS)]
