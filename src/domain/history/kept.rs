//! Members, rounds, answers and the profile as documents. Their content is
//! kept as the value's JSON text: one document type for every kind (each
//! kind of its own would add its own copy of the history code to the
//! bundle), and the text is what is stored and compared anyway.

use super::doc::Doc;
use crate::domain::id::Id;
use serde::Serialize;

/// A document whose content is a value's JSON text.
pub type KeptDoc = Doc<String>;

/// A value's JSON text: the same value always gives the same text, so
/// every copy derives the same first revision from it.
pub fn json_of<T: Serialize>(value: &T) -> String {
    // Plain data (strings, numbers, lists, maps with string keys) always
    // serializes.
    serde_json::to_string(value).unwrap_or_default()
}

/// A value's document: its first revision.
pub fn kept_doc<T: Serialize>(value: &T) -> KeptDoc {
    Doc::new(json_of(value))
}

/// Where each kind is kept: members; round heads and answers, so a round
/// and its answers are read together; small named values (the profile).
pub const MEMBERS: &str = "members";
pub const ROUNDS: &str = "rounds";
pub const META: &str = "meta";

/// The ids documents are kept under, within their kind's store.
pub fn member_key(id: Id) -> String {
    id.to_string()
}

pub fn round_key(id: Id) -> String {
    id.to_string()
}

pub fn answer_key(round: Id, member: Id) -> String {
    format!("{round}/{member}")
}

pub const PROFILE_KEY: &str = "profile";

/// A document's name among all the community's: its store and its key
/// there (`members:<id>`, `rounds:<id>`, `rounds:<round>/<member>`,
/// `meta:profile`). Exports and the revisions an edit starts from use it.
pub fn doc_name(store: &str, key: &str) -> String {
    format!("{store}:{key}")
}
