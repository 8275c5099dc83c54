//! A record's revision, computed from its content whenever it is needed
//! and never stored, in the spirit of CouchDB's `_rev`: two copies of a
//! record with the same revision hold the same content.

use crate::domain::record::Record;
use std::fmt;
use std::io;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Revision {
    /// One for the record, plus one for each contribution: each
    /// contribution makes a new version. Edits to the record's own fields
    /// do not count (nothing records how many there were), which is what
    /// `hash` tells apart.
    pub count: u32,
    /// A 64-bit FNV-1a hash of the record's JSON, as 16 lower-case hex
    /// digits.
    pub hash: String,
}

impl fmt::Display for Revision {
    /// `3-0123456789abcdef`, the shape of a CouchDB revision.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.count, self.hash)
    }
}

pub fn revision(record: &Record) -> Revision {
    let contributions = u32::try_from(record.contributions.len()).unwrap_or(u32::MAX);
    let mut hasher = Fnv1a::new();
    // Serializing plain data into a hasher cannot fail. The JSON is
    // canonical: every part of a record is a struct, enum or list, whose
    // order is fixed by the types.
    let _ = serde_json::to_writer(&mut hasher, record);
    Revision {
        count: contributions.saturating_add(1),
        hash: format!("{:016x}", hasher.0),
    }
}

/// FNV-1a, 64 bits: tiny, stable across platforms and releases (unlike
/// `std`'s hasher), and enough to tell versions of one record apart.
struct Fnv1a(u64);

impl Fnv1a {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Fnv1a {
        Fnv1a(Self::OFFSET)
    }
}

impl io::Write for Fnv1a {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(Self::PRIME);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        let hash = |text: &str| {
            let mut hasher = Fnv1a::new();
            hasher
                .write_all(text.as_bytes())
                .expect("hashing never fails");
            hasher.0
        };
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash("foobar"), 0x8594_4171_f739_67e8);
    }
}
