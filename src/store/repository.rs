use super::error::StoreError;
use crate::domain::sorting::sort_by;
use crate::domain::{ActivityKind, Id, Record, Status, Topic};

/// The repertoire's records, wherever they are kept. Every write is complete
/// (committed) when its future resolves, and not before.
// The app is single-threaded wasm: these futures need not be `Send`.
#[allow(async_fn_in_trait)]
pub trait Repository {
    /// Inserts or replaces the record with this id.
    async fn put(&self, record: &Record) -> Result<(), StoreError>;
    async fn get(&self, id: Id) -> Result<Option<Record>, StoreError>;
    async fn delete(&self, id: Id) -> Result<(), StoreError>;
    /// Every record, most recently active first.
    async fn all(&self) -> Result<Vec<Record>, StoreError>;
    async fn by_kind(&self, kind: ActivityKind) -> Result<Vec<Record>, StoreError>;
    async fn by_status(&self, status: Status) -> Result<Vec<Record>, StoreError>;
    async fn by_topic(&self, topic: &Topic) -> Result<Vec<Record>, StoreError>;
    async fn count(&self) -> Result<u32, StoreError>;
}

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
