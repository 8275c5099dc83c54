//! Members, self-assessment rounds, each member's answers to a round, and
//! the community profile: documents with a revision tree, like records
//! (without contributions), under the same rules. The rules of a write are
//! here, shared by both repositories. Their content is the value's JSON
//! (`domain::history::kept`): the typed layer is thin, the rest is one
//! code path for every kind.

use super::doc_row::DocRow;
use super::error::StoreError;
use super::events::DocRef;
use crate::domain::assessment::{Answer, Round};
use crate::domain::community::CommunityProfile;
use crate::domain::history::kept::{answer_key, doc_name, member_key, round_key};
pub use crate::domain::history::kept::{MEMBERS, META, PROFILE_KEY, ROUNDS};
use crate::domain::history::{KeptDoc, Rev};
use crate::domain::member::Member;
use serde::{de::DeserializeOwned, Serialize};

/// A kind of document kept beside the records.
pub trait Kept: Serialize + DeserializeOwned + Clone + PartialEq + 'static {
    /// The object store that keeps them.
    const STORE: &'static str;
    /// Its key in the store.
    fn key(&self) -> String;
    /// Whether a row of the store with this key is of this kind.
    fn owns(key: &str) -> bool;
    fn doc_ref(&self) -> DocRef;

    fn place(&self) -> Place {
        Place {
            store: Self::STORE,
            key: self.key(),
            doc: self.doc_ref(),
        }
    }

    /// The value a document shows; `None` when it is deleted or its
    /// content does not read as this kind.
    fn shown(doc: &KeptDoc) -> Option<Self> {
        serde_json::from_str(doc.body()?).ok()
    }
}

/// Where a document is kept, and how a change of it is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub store: &'static str,
    pub key: String,
    pub doc: DocRef,
}

impl Kept for Member {
    const STORE: &'static str = MEMBERS;
    fn key(&self) -> String {
        member_key(self.id)
    }
    fn owns(_: &str) -> bool {
        true
    }
    fn doc_ref(&self) -> DocRef {
        DocRef::Member(self.id)
    }
}

impl Kept for CommunityProfile {
    const STORE: &'static str = META;
    fn key(&self) -> String {
        PROFILE_KEY.to_owned()
    }
    fn owns(key: &str) -> bool {
        key == PROFILE_KEY
    }
    fn doc_ref(&self) -> DocRef {
        DocRef::Profile
    }
}

/// A round's head: its date. Its responses are answers of their own.
impl Kept for Round {
    const STORE: &'static str = ROUNDS;
    fn key(&self) -> String {
        round_key(self.id)
    }
    fn owns(key: &str) -> bool {
        !key.contains('/')
    }
    fn doc_ref(&self) -> DocRef {
        DocRef::Round(self.id)
    }
}

/// One member's answers to a round: two members answering the same round
/// on two copies never conflict, as contributions to a record never do.
impl Kept for Answer {
    const STORE: &'static str = ROUNDS;
    fn key(&self) -> String {
        answer_key(self.round, self.response.member)
    }
    fn owns(key: &str) -> bool {
        key.contains('/')
    }
    fn doc_ref(&self) -> DocRef {
        DocRef::Round(self.round)
    }
}

/// One change to a kept document.
#[derive(Clone, Copy, Debug)]
pub enum KeptWrite<'a> {
    /// A value's JSON as a change of revision `base` (`None`: a new
    /// document).
    Put(&'a str, Option<&'a Rev>),
    /// Deletes the document shown at `base`, and any version in conflict
    /// with it.
    Delete(&'a Rev),
}

/// The document after `write`, given the one stored now; `Ok(None)` when
/// nothing changes (the same value saved again). A write whose base is
/// not the revision shown now is refused: nothing is written over a
/// version the member has not seen.
pub fn apply_kept(
    stored: Option<KeptDoc>,
    write: KeptWrite<'_>,
) -> Result<Option<KeptDoc>, StoreError> {
    let outdated = |doc: &KeptDoc| StoreError::Outdated {
        rev: Some(doc.rev()),
    };
    match (stored, write) {
        (None, KeptWrite::Put(value, None)) => Ok(Some(KeptDoc::new(value.to_owned()))),
        (None, _) => Err(StoreError::Outdated { rev: None }),
        // What the member saves is what is stored now: nothing to add,
        // and nothing of anyone's lost.
        (Some(doc), KeptWrite::Put(value, _)) if doc.body().map(String::as_str) == Some(value) => {
            Ok(None)
        }
        (Some(doc), KeptWrite::Put(_, None)) => Err(outdated(&doc)),
        (Some(mut doc), KeptWrite::Put(value, Some(base))) => {
            match doc.edit(base, value.to_owned()) {
                Ok(_) => Ok(Some(doc)),
                Err(_) => Err(outdated(&doc)),
            }
        }
        (Some(mut doc), KeptWrite::Delete(base)) => match doc.delete_all(base) {
            Ok(_) => Ok(Some(doc)),
            Err(_) => Err(outdated(&doc)),
        },
    }
}

/// Every document among a store's rows whose key `owns` accepts, by its
/// name (`doc_name`), with what could not be read; a row from a newer
/// version stops everything.
pub fn read_all_kept(
    store: &str,
    rows: impl IntoIterator<Item = Result<DocRow, StoreError>>,
    owns: fn(&str) -> bool,
    unreadable: &mut Vec<String>,
) -> Result<Vec<(String, KeptDoc)>, StoreError> {
    let mut docs = Vec::new();
    for row in rows {
        match row.and_then(|row| {
            if owns(&row.id) {
                let doc = row.read_doc()?;
                Ok(Some((doc_name(store, &row.id), doc)))
            } else {
                Ok(None)
            }
        }) {
            Ok(Some(doc)) => docs.push(doc),
            Ok(None) => {}
            Err(error @ StoreError::TooNew { .. }) => return Err(error),
            Err(error) => unreadable.push(error.to_string()),
        }
    }
    Ok(docs)
}

/// Where the revision an edit of a kept document starts from is looked up.
pub fn rev_key<K: Kept>(key: &str) -> String {
    doc_name(K::STORE, key)
}

/// Everything of the community that is not a record, as shown.
#[derive(Debug, Default, PartialEq)]
pub struct Community {
    pub profile: Option<CommunityProfile>,
    /// Oldest member first.
    pub members: Vec<Member>,
    /// Oldest round first, each with its answers.
    pub rounds: Vec<Round>,
    /// The revision shown of each document (`rev_key`): what an edit of
    /// it starts from. (Looked up on a save only: a list is enough, and a
    /// hash map of its own would cost the bundle its own copy of the code.)
    pub revs: Vec<(String, Rev)>,
    /// Rows that could not be read (kept in storage, left out of the app).
    pub unreadable: Vec<String>,
    /// Every document with its history by its name, deleted ones
    /// included: what an export carries and an import merges with.
    pub docs: Vec<(String, KeptDoc)>,
}

/// The documents of each kind, as read.
#[derive(Debug, Default)]
pub struct CommunityDocs {
    pub profile: Vec<(String, KeptDoc)>,
    pub members: Vec<(String, KeptDoc)>,
    pub heads: Vec<(String, KeptDoc)>,
    pub answers: Vec<(String, KeptDoc)>,
}

impl CommunityDocs {
    /// The community's documents among the rows of its three stores.
    pub fn read(
        members: Vec<Result<DocRow, StoreError>>,
        rounds: Vec<Result<DocRow, StoreError>>,
        meta: Vec<Result<DocRow, StoreError>>,
    ) -> Result<Community, StoreError> {
        let mut unreadable = Vec::new();
        let (heads, answers): (Vec<_>, Vec<_>) = rounds
            .into_iter()
            .partition(|row| row.as_ref().map_or(true, |row| Round::owns(&row.id)));
        let docs = CommunityDocs {
            profile: read_all_kept(META, meta, CommunityProfile::owns, &mut unreadable)?,
            members: read_all_kept(MEMBERS, members, Member::owns, &mut unreadable)?,
            heads: read_all_kept(ROUNDS, heads, Round::owns, &mut unreadable)?,
            answers: read_all_kept(ROUNDS, answers, Answer::owns, &mut unreadable)?,
        };
        Ok(Community::from_docs(docs, unreadable))
    }
}

/// The revision noted for `name` among `revs`.
pub fn rev_of<'r>(revs: &'r [(String, Rev)], name: &str) -> Option<&'r Rev> {
    revs.iter().find(|(n, _)| n == name).map(|(_, rev)| rev)
}

impl Community {
    pub fn from_docs(docs: CommunityDocs, unreadable: Vec<String>) -> Community {
        let mut community = Community {
            unreadable,
            ..Community::default()
        };
        community.profile = community.shown(&docs.profile).into_iter().next();
        let mut members = community.shown(&docs.members);
        crate::domain::sorting::sort_by_key(&mut members, |m: &Member| m.joined);
        community.members = members;
        let heads = community.shown(&docs.heads);
        let answers = community.shown(&docs.answers);
        community.rounds = crate::domain::assessment::assemble_rounds(heads, answers);
        community.docs = [docs.profile, docs.members, docs.heads, docs.answers].concat();
        community
    }

    /// The values shown of `docs`, noting each one's revision.
    fn shown<K: Kept>(&mut self, docs: &[(String, KeptDoc)]) -> Vec<K> {
        let mut shown = Vec::with_capacity(docs.len());
        for (name, doc) in docs {
            let Some(value) = K::shown(doc) else {
                // Kept in storage, and counted among what could not be read.
                if !doc.is_deleted() {
                    self.unreadable
                        .push(format!("{name}: its content could not be read"));
                }
                continue;
            };
            self.revs.push((name.clone(), doc.rev()));
            shown.push(value);
        }
        shown
    }
}
