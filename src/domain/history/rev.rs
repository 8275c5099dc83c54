//! A revision of a document, in CouchDB's shape: `N-hash`, where `N` is
//! the revision's generation (1 for a new document, one more for each
//! edit) and `hash` names the content.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::io;

/// Longest hash accepted from another copy. CouchDB writes 32 hex digits;
/// PouchDB the same; anything far longer is not a revision.
pub const MAX_HASH_CHARS: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Rev {
    pub generation: u64,
    pub hash: String,
}

impl Rev {
    /// Reads `N-hash`: `N` a whole number from 1, the hash letters and
    /// digits only (it goes into document rows, URLs and file names).
    pub fn parse(text: &str) -> Option<Rev> {
        let (generation, hash) = text.split_once('-')?;
        if generation.is_empty()
            || generation.starts_with('0')
            || !generation.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let generation: u64 = generation.parse().ok()?;
        if hash.is_empty()
            || hash.len() > MAX_HASH_CHARS
            || !hash.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            return None;
        }
        Some(Rev {
            generation,
            hash: hash.to_owned(),
        })
    }

    /// The revision that follows `parent` (or starts a document) with this
    /// content. The hash is the MD5 of the parent, the deletion flag and
    /// the content's JSON, as CouchDB derives its own: two copies that make
    /// the same change to the same revision make the same revision, so
    /// they do not conflict.
    pub fn next<T: Serialize + ?Sized>(parent: Option<&Rev>, deleted: bool, body: &T) -> Rev {
        use md5::Digest;
        let mut hasher = Hasher(md5::Md5::new());
        hasher.0.update(match parent {
            Some(parent) => parent.to_string(),
            None => String::new(),
        });
        hasher.0.update([0, u8::from(deleted)]);
        // Plain data always serializes.
        let _ = serde_json::to_writer(&mut hasher, body);
        let digest = hasher.0.finalize();
        let mut hash = String::with_capacity(32);
        for byte in digest {
            hash.push(HEX[usize::from(byte >> 4)] as char);
            hash.push(HEX[usize::from(byte & 15)] as char);
        }
        Rev {
            generation: parent.map_or(1, |p| p.generation.saturating_add(1)),
            hash,
        }
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

struct Hasher(md5::Md5);

impl io::Write for Hasher {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        md5::Digest::update(&mut self.0, bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// CouchDB's order: by generation, then by hash as text. The winner of a
/// document is its greatest live leaf in this order.
impl Ord for Rev {
    fn cmp(&self, other: &Rev) -> Ordering {
        self.generation
            .cmp(&other.generation)
            .then_with(|| self.hash.cmp(&other.hash))
    }
}

impl PartialOrd for Rev {
    fn partial_cmp(&self, other: &Rev) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Rev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.generation, self.hash)
    }
}

impl Serialize for Rev {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rev {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Rev, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Rev::parse(&text)
            .ok_or_else(|| de::Error::custom(format_args!("“{text}” is not a revision (N-hash)")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_read_and_write_couchdb_shape() {
        let rev = Rev::parse("3-917fa2381192822767f010b95b45325b").expect("valid");
        assert_eq!(rev.generation, 3);
        assert_eq!(rev.to_string(), "3-917fa2381192822767f010b95b45325b");
        for bad in [
            "", "3", "-abc", "0-abc", "03-abc", "x-abc", "3-", "3-a-b", "3-ab c",
        ] {
            assert_eq!(Rev::parse(bad), None, "{bad:?}");
        }
        assert_eq!(Rev::parse(&format!("1-{}", "a".repeat(65))), None);
        assert_eq!(Rev::parse("99999999999999999999999-a"), None);
    }

    #[test]
    fn the_order_is_generation_then_hash_as_text() {
        let rev = |t: &str| Rev::parse(t).expect("valid");
        assert!(rev("2-a") > rev("1-z"));
        assert!(rev("10-a") > rev("9-z"), "numbers, not text");
        assert!(rev("2-b") > rev("2-a"));
        assert!(rev("2-B") < rev("2-a"), "byte order, as CouchDB compares");
    }

    #[test]
    fn the_same_change_to_the_same_parent_is_the_same_revision() {
        let first = Rev::next(None, false, "body");
        assert_eq!(first.generation, 1);
        assert_eq!(first.hash.len(), 32);
        assert_eq!(first, Rev::next(None, false, "body"));
        assert_ne!(first, Rev::next(None, false, "other"));
        assert_ne!(first, Rev::next(None, true, "body"));
        let second = Rev::next(Some(&first), false, "body");
        assert_eq!(second.generation, 2);
        assert_ne!(second.hash, first.hash);
    }

    #[test]
    fn serde_goes_through_the_text() {
        let rev = Rev::parse("12-abc").expect("valid");
        let json = serde_json::to_string(&rev).expect("serializes");
        assert_eq!(json, "\"12-abc\"");
        assert_eq!(serde_json::from_str::<Rev>(&json).expect("reads"), rev);
        assert!(serde_json::from_str::<Rev>("\"12\"").is_err());
    }
}
