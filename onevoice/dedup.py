"""Near-duplicate documents: the same wire story republished by many outlets.

Events should be stored once per story, with the number of articles that carried it (GDELT's
NumArticles / NumSources), not once per copy. Copies differ in datelines, bylines, a trimmed
last paragraph or a local sentence, so exact hashing is not enough: a document's fingerprint is
a MinHash of its word 5-shingles, whose matching slots estimate the Jaccard similarity of two
shingle sets, and an LSH index finds candidate copies without comparing every pair.

Fingerprints depend only on the text and the constants here (no Python `hash()`, no random
state), so they are the same in every process and run and can be stored to rebuild an index.
Changing a constant or a hash below changes every fingerprint: stored ones would no longer
match new ones.

The fingerprint is computed in the process that reads the input, before any coding, so it is
kept cheap (about 0.2 ms for a 250-word article): words come from one `bytes.translate` and
`split`, each word is hashed once with CRC-32 (C code), a shingle's hash combines its five word
hashes in numpy, and the PERMUTATIONS hash functions are multiply-add-shift functions
(a·x + b mod 2**64, top 32 bits: 2-independent for 32-bit x), one numpy product per document.
"""
from __future__ import annotations

import hashlib
import unicodedata
import zlib
from dataclasses import dataclass

import numpy as np

SHINGLE_WORDS = 5
PERMUTATIONS = 256       # the estimate's standard deviation is sqrt(J(1-J)/256): 0.022 at J = 0.85
BANDS = 32               # 8 slots a band: pairs at Jaccard 0.85 meet in some band with p > 0.9999
THRESHOLD = 0.8          # estimated Jaccard at or above which a document is a near-duplicate
MIN_WORDS = 10           # shorter texts are too close to stock phrases to call one a copy
_BLOCK = 2048            # shingles hashed at a time: bounds memory on very long texts


def _seeded(label: str, n: int = PERMUTATIONS) -> np.ndarray:
    """n fixed 64-bit coefficients, derived from a label (stable across numpy versions)."""
    return np.array([int.from_bytes(hashlib.blake2b(f"{label}{i}".encode(), digest_size=8).digest(),
                                    "little") for i in range(n)], dtype=np.uint64)


_A = _seeded("onevoice-minhash-2-a") | np.uint64(1)    # one (a, b) per permutation
_B = _seeded("onevoice-minhash-2-b")
_C = _seeded("onevoice-minhash-2-shingle", SHINGLE_WORDS) | np.uint64(1)  # a word's place
_MIX1, _MIX2 = np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53)  # MurmurHash3 fmix64
_S32, _S33 = np.uint64(32), np.uint64(33)
_EMPTY = np.zeros(1, dtype=np.uint64)

# bytes.translate table: ASCII letters lowercased, digits and "_" kept (with the letters, the
# ASCII \w), every other ASCII byte a space; bytes of multi-byte UTF-8 characters kept
_ASCII = bytes(b + 32 if 65 <= b <= 90
               else b if 48 <= b <= 57 or 97 <= b <= 122 or b == 95 or b >= 128
               else 32 for b in range(256))


def _words(text: str) -> list[bytes]:
    r"""The UTF-8 words of the text: exactly `re.findall(r"\w+", NFKC(text).lower())`.

    ASCII text (most news) goes straight to `bytes.translate`; other text is NFKC-normalised
    and lowercased first, and each distinct non-ASCII character that is not alphanumeric
    (curly quotes, dashes) becomes a space.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).lower()
        for ch in set(text):
            if ch > "\x7f" and not ch.isalnum():
                text = text.replace(ch, " ")
    return text.encode("utf-8").translate(_ASCII).split()


def normalize(text: str) -> list[str]:
    """Words of the text, case, accents' composition and punctuation evened out."""
    return [w.decode("utf-8") for w in _words(text)]


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


def _shingle_hashes(words: list[bytes]) -> np.ndarray:
    """One well-mixed 32-bit hash (in uint64) per word shingle, in text order.

    A shingle's hash is the sum of its words' CRC-32s weighted by their place, put through
    MurmurHash3's 64-bit finaliser. Texts shorter than a shingle are one shingle.
    """
    n = len(words)
    if n == 0:
        hashes, n = _EMPTY, 1
    else:
        hashes = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=n)
    k = min(SHINGLE_WORDS, n)
    m = n - k + 1
    x = hashes[:m] * _C[0]
    for j in range(1, k):
        x += hashes[j:j + m] * _C[j]
    x ^= x >> _S33
    x *= _MIX1
    x ^= x >> _S33
    x *= _MIX2
    x ^= x >> _S33
    return x >> _S32


def _fingerprint(words: list[bytes]) -> Fingerprint:
    digest = hashlib.blake2b(b" ".join(words), digest_size=16).digest()
    shingles = _shingle_hashes(words)
    slots = np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(shingles), _BLOCK):
        block = shingles[start:start + _BLOCK, None] * _A   # a·x + b mod 2**64, a row a shingle
        block += _B
        np.minimum(slots, block.min(axis=0), out=slots)
    return Fingerprint(digest=digest, signature=(slots >> _S32).astype("<u4").tobytes())


def fingerprint(text: str) -> Fingerprint:
    """The fingerprint of a document's text."""
    return _fingerprint(_words(text))


def story_fingerprint(text: str, min_words: int = MIN_WORDS) -> Fingerprint | None:
    """The fingerprint of a text long enough to tell a copied story (min_words words), else None."""
    words = _words(text)
    return _fingerprint(words) if len(words) >= min_words else None


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
    (about 7 KB each: a million stories take some 7 GB; for more, keep one index per month
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
        return self._check(doc_id, fp, self._band_keys(fp))

    def add(self, doc_id: str, text_or_fp: str | Fingerprint) -> Duplicate | None:
        """Check the document, then index it if it is an original; returns what `check` found."""
        fp = text_or_fp if isinstance(text_or_fp, Fingerprint) else fingerprint(text_or_fp)
        keys = self._band_keys(fp)
        found = self._check(doc_id, fp, keys)
        if found is None and doc_id not in self._fingerprints:
            self._fingerprints[doc_id] = fp
            self._by_digest.setdefault(fp.digest, doc_id)
            for key in keys:
                self._buckets.setdefault(key, []).append(doc_id)
        return found

    def _check(self, doc_id: str, fp: Fingerprint, keys: list[bytes]) -> Duplicate | None:
        if doc_id in self._fingerprints:
            return None
        if fp.digest in self._by_digest:
            return Duplicate(self._by_digest[fp.digest], 1.0, True)
        candidates = {other for key in keys for other in self._buckets.get(key, ())}
        best: Duplicate | None = None
        for other in sorted(candidates):
            sim = fp.similarity(self._fingerprints[other])
            if sim >= self.threshold and (best is None or sim > best.similarity):
                best = Duplicate(other, sim, False)
        return best

    @staticmethod
    def _band_keys(fp: Fingerprint) -> list[bytes]:
        width = len(fp.signature) // BANDS
        return [bytes([b]) + fp.signature[b * width:(b + 1) * width] for b in range(BANDS)]
