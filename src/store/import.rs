//! Writing an import: everything in one transaction, so that a refused,
//! failed or cancelled import leaves the stored data exactly as it was.

use super::change::{apply, Write};
use super::community::PROFILE_KEY;
use super::doc_row::DocRow;
use super::error::StoreError;
use super::idb::{commit, store_error, stored_row, IdbRepository, MEMBERS, META, RECORDS, ROUNDS};
use super::row::{RecordRow, Version};
use crate::domain::assessment::Round;
use crate::domain::community::CommunityProfile;
use crate::domain::history::Rev;
use crate::domain::id::Id;
use crate::domain::import::MergePlan;
use crate::domain::member::Member;
use crate::domain::Record;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use rustc_hash::FxHashMap;

/// Rows written between two progress reports (and cancellation checks).
const BATCH: usize = 500;

/// What an import writes.
#[derive(Debug, Default)]
pub struct Writes {
    /// Records not stored here.
    pub records: Vec<Record>,
    /// Records stored here, each with the revision the plan read: the
    /// import's version is written over that one only.
    pub changed: Vec<(Record, Rev)>,
    pub members: Vec<Member>,
    pub rounds: Vec<Round>,
    pub profile: Option<CommunityProfile>,
}

impl Writes {
    /// Everything a merge plan changes: each record's new version, the
    /// kept copy of each conflict, new and changed members and rounds.
    /// `versions` are those of the records the plan read.
    pub fn from_plan(plan: MergePlan, versions: &FxHashMap<Id, Version>) -> Writes {
        let mut records = Vec::with_capacity(plan.records.len());
        let mut changed = Vec::new();
        for record in plan.records {
            if let Some(write) = record.write {
                match versions.get(&write.id) {
                    Some(version) => changed.push((write, version.rev.clone())),
                    None => records.push(write),
                }
            }
            records.extend(record.kept_copy);
        }
        Writes {
            records,
            changed,
            members: plan
                .members_new
                .into_iter()
                .chain(plan.members_updated)
                .collect(),
            rounds: plan
                .rounds_new
                .into_iter()
                .chain(plan.rounds_updated)
                .collect(),
            profile: plan.profile,
        }
    }
}

/// Writes laid out as stored rows. They are made before the transaction:
/// only IndexedDB requests may be awaited inside it, or it commits early.
/// The import worker makes them while the member reads the summary.
/// Records stored here are changed inside the transaction, from the row
/// stored then.
#[derive(Debug)]
pub struct Rows {
    records: Vec<RecordRow>,
    changed: Vec<(Record, Rev)>,
    members: Vec<DocRow>,
    rounds: Vec<DocRow>,
    profile: Option<DocRow>,
}

impl Rows {
    pub fn of(writes: &Writes) -> Result<Rows, StoreError> {
        Ok(Rows {
            records: writes
                .records
                .iter()
                .map(RecordRow::from_record)
                .collect::<Result<_, _>>()?,
            changed: writes.changed.clone(),
            members: writes
                .members
                .iter()
                .map(|m| DocRow::new(m.id.to_string(), m))
                .collect::<Result<_, _>>()?,
            rounds: writes
                .rounds
                .iter()
                .map(|r| DocRow::new(r.id.to_string(), r))
                .collect::<Result<_, _>>()?,
            profile: writes
                .profile
                .as_ref()
                .map(|p| DocRow::new(PROFILE_KEY.to_owned(), p))
                .transpose()?,
        })
    }
}

impl IdbRepository {
    /// Writes everything or nothing. `progress` hears (written, total)
    /// after each batch; when `cancelled` answers true, the transaction is
    /// abandoned and nothing is written.
    pub async fn write_all(
        &self,
        rows: &Rows,
        progress: &dyn Fn(usize, usize),
        cancelled: &dyn Fn() -> bool,
    ) -> Result<(), StoreError> {
        self.check_open()?;
        let tx = self
            .database()
            .transaction([RECORDS, MEMBERS, ROUNDS, META])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(store_error)?;
        let total = rows.records.len();
        let store = tx.object_store(RECORDS).map_err(store_error)?;
        // Requests of one transaction complete in order: when the last of a
        // batch is done, so is the batch. The next batch is issued before
        // that wait, so the browser always has rows to store.
        let mut issued = 0;
        let mut waiting = None;
        for batch in rows.records.chunks(BATCH) {
            let done_before = issued;
            let mut last = None;
            for row in batch {
                last = Some(store.put(row).serde().map_err(store_error)?);
            }
            issued += batch.len();
            if let Some(previous) = waiting.take() {
                batch_done(previous, done_before, total, progress, cancelled).await?;
            }
            waiting = last;
        }
        if let Some(last) = waiting {
            batch_done(last, issued, total, progress, cancelled).await?;
        }
        // A record stored here becomes a new revision of the version the
        // plan read; one that changed since (another tab) keeps both.
        for (record, base) in &rows.changed {
            let stored = stored_row(&store, record.id).await?;
            let row = match apply(stored.clone(), Write::Save(record, Some(base))) {
                Err(StoreError::Changed { .. }) => {
                    apply(stored, Write::KeepBoth(record, base)).or_else(|_| {
                        // The record was removed meanwhile: the import's
                        // version comes back as it is.
                        RecordRow::from_record(record).map(Some)
                    })?
                }
                other => other?,
            };
            if let Some(row) = row {
                store.put(&row).serde().map_err(store_error)?;
            }
        }
        let members_store = tx.object_store(MEMBERS).map_err(store_error)?;
        for row in &rows.members {
            members_store.put(row).serde().map_err(store_error)?;
        }
        let rounds_store = tx.object_store(ROUNDS).map_err(store_error)?;
        for row in &rows.rounds {
            rounds_store.put(row).serde().map_err(store_error)?;
        }
        if let Some(row) = &rows.profile {
            let meta = tx.object_store(META).map_err(store_error)?;
            meta.put(row)
                .with_key(PROFILE_KEY.to_owned())
                .serde()
                .map_err(store_error)?;
        }
        commit(tx).await
    }
}

/// Waits for the last row of a batch, then says how far the import is.
async fn batch_done(
    last: impl std::future::Future<Output = indexed_db_futures::Result<()>>,
    written: usize,
    total: usize,
    progress: &dyn Fn(usize, usize),
    cancelled: &dyn Fn() -> bool,
) -> Result<(), StoreError> {
    last.await.map_err(store_error)?;
    progress(written, total);
    if cancelled() {
        // Dropping the transaction aborts it: nothing is kept.
        return Err(StoreError::Cancelled);
    }
    Ok(())
}
