//! A revision of a document, in CouchDB's shape: `N-hash`, where `N` is
//! the revision's generation (1 for a new document, one more for each
//! edit) and `hash` names the content.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

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
    /// content (`None`: a deletion). The hash covers the parent, the
    /// deletion flag and the content's JSON, as CouchDB's does: two copies
    /// that make the same change to the same revision make the same
    /// revision, so they do not conflict. It is 128 bits, the 32 hex
    /// digits of CouchDB's revisions: a revision names a version among its
    /// document's few, it guards no secret, so a fast hash over 8-byte
    /// words (`hash128`) serves, and an import of 100,000 records hashes
    /// each of them.
    pub fn next<T: Serialize + ?Sized>(parent: Option<&Rev>, body: Option<&T>) -> Rev {
        let mut bytes = parent.map(Rev::to_string).unwrap_or_default().into_bytes();
        bytes.extend_from_slice(&[0, u8::from(body.is_none())]);
        // Through the same JSON text every save makes (one serializer in
        // the bundle); plain data always serializes.
        if let Some(body) = body {
            bytes.extend(serde_json::to_vec(body).unwrap_or_default());
        }
        Rev {
            generation: parent.map_or(1, |p| p.generation.saturating_add(1)),
            hash: hex(hash128(&bytes)),
        }
    }
}

/// Two multiply–rotate lanes over little-endian 8-byte words, the length
/// mixed in, each lane finished by SplitMix64's mixer: the same value on
/// every platform and release.
fn hash128(bytes: &[u8]) -> u128 {
    const K1: u64 = 0x9e37_79b9_7f4a_7c15;
    const K2: u64 = 0xc2b2_ae3d_27d4_eb4f;
    let (mut a, mut b) = (0x6c62_272e_07bb_0142_u64, 0x62b8_2175_6295_c58d_u64);
    let mut words = bytes.chunks_exact(8);
    let mut take = |word: u64| {
        a = (a ^ word).wrapping_mul(K1).rotate_left(31);
        b = (b ^ word.rotate_left(17)).wrapping_mul(K2).rotate_left(27);
    };
    for chunk in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        take(u64::from_le_bytes(word));
    }
    let mut last = [0u8; 8];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    take(u64::from_le_bytes(last));
    take(bytes.len() as u64);
    let a2 = mix(a ^ b.rotate_left(13));
    let b2 = mix(b ^ a2);
    (u128::from(a2) << 64) | u128::from(b2)
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// 32 lower-case hex digits (by hand: `u128` formatting would bring its
/// own code into the bundle).
fn hex(value: u128) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(32);
    for byte in value.to_be_bytes() {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 15)]));
    }
    text
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

    const PINNED: &str = "428b35f6d3435ce58a34c89caf59b1f5";

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
        let first = Rev::next(None, Some("body"));
        assert_eq!(first.generation, 1);
        assert_eq!(first.hash.len(), 32);
        assert_eq!(first, Rev::next(None, Some("body")));
        assert_ne!(first, Rev::next(None, Some("other")));
        assert_ne!(first, Rev::next::<str>(None, None));
        let second = Rev::next(Some(&first), Some("body"));
        assert_eq!(second.generation, 2);
        assert_ne!(second.hash, first.hash);
    }

    #[test]
    fn the_hash_is_pinned_and_tells_near_texts_apart() {
        // Pinned: a release that changed it would make new revisions of
        // unchanged records kept before revisions were stored.
        assert_eq!(hex(hash128(b"")), hex(hash128(b"")));
        let pinned = hex(hash128(b"repertoire"));
        assert_eq!(pinned.len(), 32);
        assert_eq!(pinned, PINNED);
        let texts: [&[u8]; 6] = [b"", b"\0", b"\0\0", b"abcdefgh", b"abcdefgi", b"abcdefgh\0"];
        let mut hashes: Vec<u128> = texts.iter().map(|t| hash128(t)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(
            hashes.len(),
            texts.len(),
            "trailing zeros and one bit count"
        );
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
