//! The community beside its records in IndexedDB: members, rounds and
//! their answers, and the profile, each a document with its history
//! (`kept.rs` has the rules of a write, shared with the in-memory twin).

use super::doc_row::DocRow;
use super::error::StoreError;
use super::events::ChangeBatch;
use super::idb::{commit, store_error, IdbRepository};
use super::kept::{apply_kept, Kept, KeptWrite, Place, META, ROUNDS};
use super::repository::RowRead;
use crate::domain::assessment::{split_round, Round};
use crate::domain::history::{json_of, KeptDoc, Rev};
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;

/// The row of `key` in `store`; a row of the wrong shape is reported as
/// damaged.
async fn stored_kept(store: &ObjectStore<'_>, key: &str) -> Result<Option<KeptDoc>, StoreError> {
    let row: Option<DocRow> = store
        .get(key.to_owned())
        .serde()
        .map_err(store_error)?
        .await
        .map_err(|e| StoreError::Corrupt(format!("{key}: {e}")))?;
    row.as_ref().map(DocRow::read_doc).transpose()
}

/// Puts a row: the profile's store keeps its keys out of the rows.
fn put_row(store: &ObjectStore<'_>, row: &DocRow) -> Result<(), StoreError> {
    if store.name() == META {
        store
            .put(row)
            .with_key(row.id.clone())
            .serde()
            .map_err(store_error)?;
    } else {
        store.put(row).serde().map_err(store_error)?;
    }
    Ok(())
}

impl IdbRepository {
    /// Reads the document, applies `write` and puts the result back, in
    /// one transaction: no other tab can write in between.
    pub(super) async fn write_kept_in(
        &self,
        place: &Place,
        write: KeptWrite<'_>,
    ) -> Result<Rev, StoreError> {
        let tx = self.writing(place.store)?;
        let store = tx.object_store(place.store).map_err(store_error)?;
        let stored = stored_kept(&store, &place.key).await?;
        let written = apply_kept(stored.clone(), write)?;
        if let Some(doc) = &written {
            put_row(&store, &DocRow::of_doc(place.key.clone(), doc)?)?;
        }
        commit(tx).await?;
        let doc = match written {
            Some(doc) => {
                self.committed(ChangeBatch::edit(place.doc));
                doc
            }
            None => stored.ok_or(StoreError::Outdated { rev: None })?,
        };
        Ok(doc.rev())
    }

    pub(super) async fn rows_of(&self, store: &'static str) -> Result<Vec<RowRead>, StoreError> {
        self.check_open()?;
        let tx = self
            .database()
            .transaction(store)
            .build()
            .map_err(store_error)?;
        let store = tx.object_store(store).map_err(store_error)?;
        let rows = store
            .get_all::<DocRow>()
            .serde()
            .map_err(store_error)?
            .await
            .map_err(store_error)?;
        Ok(rows
            .map(|row| row.map_err(|e| StoreError::Corrupt(e.to_string())))
            .collect())
    }

    /// Rounds of layout 1 held their responses; each becomes an answer of
    /// its own, with the first revision every copy derives from the same
    /// content. Run at open, before anything reads the rounds; writes only
    /// when such a round is left.
    pub(super) async fn split_old_rounds(&self) -> Result<(), StoreError> {
        let tx = self.writing(ROUNDS)?;
        let store = tx.object_store(ROUNDS).map_err(store_error)?;
        let rows = store
            .get_all::<DocRow>()
            .serde()
            .map_err(store_error)?
            .await
            .map_err(store_error)?;
        let mut split = false;
        for row in rows
            .flatten()
            .filter(|row| row.v == 1 && Round::owns(&row.id))
        {
            // A damaged round stays as it is, and is reported when read.
            let Ok(round) = row.read::<Round>() else {
                continue;
            };
            let (head, answers) = split_round(&round);
            put_row(
                &store,
                &DocRow::of_doc(head.key(), &KeptDoc::new(json_of(&head)))?,
            )?;
            for answer in answers {
                let doc = KeptDoc::new(json_of(&answer));
                put_row(&store, &DocRow::of_doc(answer.key(), &doc)?)?;
            }
            split = true;
        }
        if split {
            commit(tx).await
        } else {
            Ok(())
        }
    }
}

/// Merges each document with the one stored under its key (the union of
/// both histories), inside the caller's transaction.
pub(super) async fn merge_kept_into(
    store: &ObjectStore<'_>,
    docs: &[(String, KeptDoc)],
) -> Result<(), StoreError> {
    for (key, theirs) in docs {
        let merged = match stored_kept(store, key).await? {
            None => theirs.clone(),
            Some(mut ours) => {
                if !ours.merge(theirs) {
                    continue;
                }
                ours
            }
        };
        put_row(store, &DocRow::of_doc(key.clone(), &merged)?)?;
    }
    Ok(())
}
