"""STAC `file:checksum`: a multihash in hex (varint hash code, varint digest length, digest).

The reference server and the STAC file extension examples use sha2-256 (`1220...`); the
other hashes hashlib knows are read too. A checksum of an unknown kind is reported as
such (never "verified", never "corrupt").
"""
import hashlib
from dataclasses import dataclass
from typing import Optional

# multihash code -> hashlib name (https://github.com/multiformats/multicodec table)
_HASHES = {
    0x11: "sha1", 0x12: "sha256", 0x13: "sha512", 0x14: "sha3_512", 0x15: "sha3_384",
    0x16: "sha3_256", 0x17: "sha3_224", 0xd5: "md5", 0xb220: "blake2b_256",
    0xb240: "blake2b",
}


@dataclass(frozen=True)
class Multihash:
    """A parsed checksum: hashlib algorithm name (None when unknown) and expected digest."""

    algorithm: Optional[str]
    digest: bytes

    def new_hasher(self):
        """A fresh hashlib object for this checksum (None for an unknown algorithm)."""
        if self.algorithm is None:
            return None
        if self.algorithm == "blake2b_256":
            return hashlib.blake2b(digest_size=32)
        return hashlib.new(self.algorithm)

    def matches(self, hasher) -> bool:
        return hasher is not None and hasher.digest() == self.digest


def _varint(data: bytes, start: int):
    value, shift, index = 0, 0, start
    while index < len(data):
        byte = data[index]
        value |= (byte & 0x7F) << shift
        index += 1
        if not byte & 0x80:
            return value, index
        shift += 7
    raise ValueError("truncated varint")


def parse(text) -> Optional[Multihash]:
    """The checksum in `text`, or None when it is missing or not a readable multihash."""
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        data = bytes.fromhex(text.strip())
        code, index = _varint(data, 0)
        length, index = _varint(data, index)
    except ValueError:
        return None
    digest = data[index:]
    if len(digest) != length or not digest:
        return None
    return Multihash(_HASHES.get(code), digest)

