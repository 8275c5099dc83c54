use super::doc_row::DocRow;
use super::error::StoreError;
use super::events::{ChangeBatch, Subscription};
use super::kept::{
    read_all_kept, Community, CommunityDocs, Kept, KeptWrite, Place, MEMBERS, META, ROUNDS,
};
use super::row::Version;
use crate::domain::history::{json_of, KeptDoc, Rev};
use crate::domain::sorting::sort_by;
use crate::domain::{Id, Record};
use rustc_hash::FxHashSet;

/// The repertoire's records, wherever they are kept. Every write is complete
/// (committed) when its future resolves, and not before, and every write
/// names the revision it changes: nothing is written blindly over a
/// version the writer has not seen.
// The app is single-threaded wasm: these futures need not be `Send`.
#[allow(async_fn_in_trait)]
pub trait Repository {
    /// Saves `record` as a change of revision `base` (`None`: a new
    /// record). With the fields shown now, it only adds its new
    /// contributions; changed fields are written only over `base`: when
    /// the record moved on meanwhile, nothing is written and
    /// `StoreError::Changed` says what is stored now.
    async fn save(&self, record: &Record, base: Option<&Rev>) -> Result<Version, StoreError>;
    /// Keeps `record`, made from revision `base`, beside the version
    /// stored now: both stay, as a conflict for members to resolve.
    async fn keep_both(&self, record: &Record, base: &Rev) -> Result<Version, StoreError>;
    /// Writes `record` as the one version of a record in conflict (made
    /// from the version shown, `base`), closing the others.
    async fn resolve(&self, record: &Record, base: &Rev) -> Result<Version, StoreError>;
    async fn get(&self, id: Id) -> Result<Option<(Record, Version)>, StoreError>;
    /// Several records read at once (one transaction), in the order asked;
    /// `None` for a record that is not shown (deleted or never stored).
    async fn get_many(&self, ids: &[Id]) -> Result<Vec<Shown>, StoreError>;
    /// The versions in conflict with the one shown, oldest revision first.
    async fn conflicts(&self, id: Id) -> Result<Vec<(Rev, Record)>, StoreError>;
    /// Deletes the record shown at revision `base`: a tombstone revision,
    /// so the deletion reaches other copies. An undo is a new revision.
    async fn delete(&self, id: Id, base: &Rev) -> Result<Version, StoreError>;
    /// Every record, most recently active first. (Views filter what the
    /// app holds: no query reads through an index by kind, status or topic,
    /// and no such index makes writes dearer.)
    async fn all(&self) -> Result<Vec<Record>, StoreError>;
    /// Records shown (deleted ones are not counted).
    async fn count(&self) -> Result<u32, StoreError>;
    /// Applies one change to the member, round, answer or profile kept at
    /// `place`, in one transaction; refused with `StoreError::Outdated`
    /// when its base is not the revision shown now. The revision shown.
    async fn write_kept(&self, place: &Place, write: KeptWrite<'_>) -> Result<Rev, StoreError>;
    /// Every row of one of the community's stores, each read or why not.
    async fn kept_rows(&self, store: &'static str) -> Result<Vec<RowRead>, StoreError>;
    /// Saves a member, a round, an answer or the profile as a change of
    /// revision `base` (`None`: a new one); refused with
    /// `StoreError::Outdated` when it moved on since. The revision shown.
    async fn put_kept<K: Kept>(&self, value: &K, base: Option<&Rev>) -> Result<Rev, StoreError> {
        self.write_kept(&value.place(), KeptWrite::Put(&json_of(value), base))
            .await
    }
    /// Deletes `value` as shown at `base`: a tombstone, which reaches other
    /// copies; versions in conflict with it are closed too.
    async fn delete_kept<K: Kept>(&self, value: &K, base: &Rev) -> Result<Rev, StoreError> {
        self.write_kept(&value.place(), KeptWrite::Delete(base))
            .await
    }
    /// Every document of kind `K`, deleted ones included.
    async fn all_kept<K: Kept>(
        &self,
        unreadable: &mut Vec<String>,
    ) -> Result<Vec<(String, KeptDoc)>, StoreError> {
        read_all_kept(
            K::STORE,
            self.kept_rows(K::STORE).await?,
            K::owns,
            unreadable,
        )
    }
    /// The profile, members and rounds as shown.
    async fn community(&self) -> Result<Community, StoreError> {
        let members = self.kept_rows(MEMBERS).await?;
        let rounds = self.kept_rows(ROUNDS).await?;
        let meta = self.kept_rows(META).await?;
        CommunityDocs::read(members, rounds, meta)
    }
    /// Hears one batch after each committed transaction that changed
    /// something, written here or, for a database several tabs share, in
    /// another tab; for as long as the subscription is kept.
    fn subscribe(&self, listener: impl Fn(&ChangeBatch) + 'static) -> Subscription;
}

/// A stored row, or why it could not be read.
pub type RowRead = Result<DocRow, StoreError>;

/// A record asked for and what is shown of it now.
pub type Shown = (Id, Option<(Record, Version)>);

/// Most recently active first; ties broken by id, highest first, so the
/// order is stable and the same as IndexedDB's `updated` index read
/// backwards (which the latest records shown at start come from).
pub fn sort_recent_first(records: &mut [Record]) {
    sort_by(records, |a, b| {
        b.last_activity()
            .cmp(&a.last_activity())
            .then_with(|| b.id.cmp(&a.id))
    });
}

/// `records` after the records `changed` changed: the versions in `shown`
/// take their places, the others leave. One sort for the whole batch (the
/// list stays in two sorted runs, which the sort merges in one pass).
pub fn apply_changes(records: &mut Vec<Record>, changed: &FxHashSet<Id>, shown: Vec<Record>) {
    records.retain(|r| !changed.contains(&r.id));
    records.extend(shown);
    sort_recent_first(records);
}
