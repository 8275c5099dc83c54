//! Writing an import: everything in one transaction, so that a refused,
//! failed or cancelled import leaves the stored data exactly as it was.

use super::community::merge_kept_into;
use super::error::StoreError;
use super::events::{Cause, ChangeBatch, DocRef, Origin};
use super::idb::{commit, store_error, stored_row, IdbRepository, RECORDS};
use super::kept::{Kept, MEMBERS, META, ROUNDS};
use super::row::RecordRow;
use crate::domain::assessment::{Answer, Round};
use crate::domain::history::{KeptDoc, RecordDoc};
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
    /// Members, round heads, answers and the profile, with the keys they
    /// are stored under: each merged with the stored one when written.
    pub members: Vec<(String, KeptDoc)>,
    pub rounds: Vec<(String, KeptDoc)>,
    pub answers: Vec<(String, KeptDoc)>,
    pub profile: Option<(String, KeptDoc)>,
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
            members: plan.members,
            rounds: plan.rounds,
            answers: plan.answers,
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
    members: Vec<(String, KeptDoc)>,
    rounds: Vec<(String, KeptDoc)>,
    answers: Vec<(String, KeptDoc)>,
    profile: Option<(String, KeptDoc)>,
    /// What the import changes, told once it committed.
    docs: Vec<DocRef>,
}

impl Rows {
    pub fn of(writes: &Writes) -> Result<Rows, StoreError> {
        let mut docs: Vec<DocRef> = (writes.records.iter().chain(&writes.merged))
            .map(|doc| DocRef::Record(doc.id))
            .collect();
        docs.extend(refs::<Member>(&writes.members));
        docs.extend(refs::<Round>(&writes.rounds));
        docs.extend(refs::<Answer>(&writes.answers));
        docs.extend(writes.profile.iter().map(|_| DocRef::Profile));
        Ok(Rows {
            docs,
            records: writes
                .records
                .iter()
                .map(|doc| RecordRow::from_doc(doc, None))
                .collect::<Result<_, _>>()?,
            merged: writes.merged.clone(),
            members: writes.members.clone(),
            rounds: writes.rounds.clone(),
            answers: writes.answers.clone(),
            profile: writes.profile.clone(),
        })
    }
}

/// What a batch names for these documents (a document with no version
/// to show names nothing its key does not).
fn refs<K: Kept>(docs: &[(String, KeptDoc)]) -> impl Iterator<Item = DocRef> + '_ {
    docs.iter()
        .filter_map(|(_, doc)| K::shown(doc).map(|value| value.doc_ref()))
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
        // The community's documents, each merged with the one stored now.
        let members = tx.object_store(MEMBERS).map_err(store_error)?;
        merge_kept_into(&members, &rows.members).await?;
        let rounds = tx.object_store(ROUNDS).map_err(store_error)?;
        merge_kept_into(&rounds, &rows.rounds).await?;
        merge_kept_into(&rounds, &rows.answers).await?;
        let meta = tx.object_store(META).map_err(store_error)?;
        merge_kept_into(&meta, rows.profile.as_slice()).await?;
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
