//! Writing an import: everything in one transaction, so that a refused,
//! failed or cancelled import leaves the stored data exactly as it was.

use super::community::PROFILE_KEY;
use super::doc_row::DocRow;
use super::error::StoreError;
use super::events::{Cause, ChangeBatch, DocRef, Origin};
use super::idb::{commit, store_error, stored_row, IdbRepository, MEMBERS, META, RECORDS, ROUNDS};
use super::row::RecordRow;
use crate::domain::assessment::Round;
use crate::domain::community::CommunityProfile;
use crate::domain::history::RecordDoc;
use crate::domain::id::Id;
use crate::domain::import::MergePlan;
use crate::domain::member::Member;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use rustc_hash::FxHashMap;

/// Rows written between two progress reports (and cancellation checks).
const BATCH: usize = 500;

/// What an import writes.
#[derive(Debug, Default)]
pub struct Writes {
    /// Records not stored here when the plan was made, with their history.
    pub records: Vec<RecordDoc>,
    /// Records stored here, as the plan merged them: merged again with the
    /// row stored when the import is written (a merge only adds, so a
    /// change another tab made meanwhile is kept).
    pub merged: Vec<RecordDoc>,
    pub members: Vec<Member>,
    pub rounds: Vec<Round>,
    pub profile: Option<CommunityProfile>,
}

impl Writes {
    /// Everything a merge plan changes. `local` are the records the plan
    /// merged with.
    pub fn from_plan(plan: MergePlan, local: &FxHashMap<Id, RecordDoc>) -> Writes {
        let mut records = Vec::with_capacity(plan.records.len());
        let mut merged = Vec::new();
        for record in plan.records {
            if let Some(write) = record.write {
                if local.contains_key(&write.id) {
                    merged.push(write);
                } else {
                    records.push(write);
                }
            }
        }
        Writes {
            records,
            merged,
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
/// Records stored here are merged inside the transaction, with the row
/// stored then.
#[derive(Debug)]
pub struct Rows {
    records: Vec<RecordRow>,
    merged: Vec<RecordDoc>,
    members: Vec<DocRow>,
    rounds: Vec<DocRow>,
    profile: Option<DocRow>,
    /// What the import changes, told once it committed.
    docs: Vec<DocRef>,
}

impl Rows {
    pub fn of(writes: &Writes) -> Result<Rows, StoreError> {
        let docs = (writes.records.iter().chain(&writes.merged))
            .map(|doc| DocRef::Record(doc.id))
            .chain(writes.members.iter().map(|m| DocRef::Member(m.id)))
            .chain(writes.rounds.iter().map(|r| DocRef::Round(r.id)))
            .chain(writes.profile.iter().map(|_| DocRef::Profile))
            .collect();
        Ok(Rows {
            docs,
            records: writes
                .records
                .iter()
                .map(|doc| RecordRow::from_doc(doc, None))
                .collect::<Result<_, _>>()?,
            merged: writes.merged.clone(),
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
        // A record stored here is merged with the row stored now.
        for theirs in &rows.merged {
            let row = match stored_row(&store, theirs.id).await? {
                None => RecordRow::from_doc(theirs, None)?,
                Some(stored) => {
                    let (mut doc, kept) = stored.into_doc()?;
                    let kept = doc.shown().or(kept);
                    if !doc.merge(theirs) {
                        continue;
                    }
                    RecordRow::from_doc(&doc, kept.as_ref())?
                }
            };
            store.put(&row).serde().map_err(store_error)?;
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
        commit(tx).await?;
        self.committed(ChangeBatch {
            origin: Origin::ThisTab,
            cause: Cause::Import,
            docs: rows.docs.clone(),
        });
        Ok(())
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
