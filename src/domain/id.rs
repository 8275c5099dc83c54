//! Stable identifiers. Randomness comes from the caller (the browser's
//! `crypto.getRandomValues` in the app, a seeded source in tests), so the
//! domain stays pure and deterministic under test.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// A record, member or contribution id: a version-4 UUID.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(Uuid);

impl Id {
    /// Builds a v4 UUID from 16 random bytes (version and variant bits are set).
    pub fn from_random_bytes(bytes: [u8; 16]) -> Self {
        Id(uuid::Builder::from_random_bytes(bytes).into_uuid())
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::parse_exact(text.trim())
    }

    /// As serde reads an id from JSON: the text must be the UUID alone.
    pub fn parse_exact(text: &str) -> Option<Self> {
        Uuid::try_parse(text).ok().map(Id)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

/// Something that hands out fresh ids.
pub trait IdSource {
    fn next_id(&mut self) -> Id;
}

/// A deterministic id source for tests and generated data sets (splitmix64).
#[derive(Clone, Debug)]
pub struct SeededIds(u64);

impl SeededIds {
    pub fn new(seed: u64) -> Self {
        SeededIds(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl IdSource for SeededIds {
    fn next_id(&mut self) -> Id {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        Id::from_random_bytes(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_v4_and_round_trip_through_text() {
        let mut ids = SeededIds::new(7);
        let id = ids.next_id();
        let text = id.to_string();
        assert_eq!(text.len(), 36);
        assert_eq!(&text[14..15], "4", "version nibble");
        assert_eq!(Id::parse(&text), Some(id));
        assert_ne!(ids.next_id(), id);
    }

    #[test]
    fn parse_refuses_garbage() {
        assert_eq!(Id::parse("not-an-id"), None);
        assert_eq!(Id::parse(""), None);
    }
}
