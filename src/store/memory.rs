//! A repository in memory: the reference the IndexedDB one is tested
//! against, and a stand-in for UI tests.

use super::change::{apply, version_of, Write};
use super::doc_row::DocRow;
use super::error::StoreError;
use super::events::{ChangeBatch, DocRef, Listeners, Subscription};
use super::kept::{apply_kept, KeptWrite, Place};
use super::repository::{sort_recent_first, Repository, RowRead, Shown};
use super::row::{RecordRow, Version};
use crate::domain::history::Rev;
use crate::domain::{Id, Record};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Rows as IndexedDB keeps them, so both repositories share the row
/// layout and the rules of every write (`change.rs`).
#[derive(Default)]
pub struct MemoryRepository {
    rows: RefCell<BTreeMap<Id, RecordRow>>,
    /// Members, rounds, answers and the profile, by store and key.
    kept: RefCell<BTreeMap<(&'static str, String), DocRow>>,
    /// When set, every write fails with this error (to test failure paths).
    fail_writes: RefCell<Option<StoreError>>,
    listeners: Listeners,
}

impl MemoryRepository {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn fail_writes_with(&self, error: Option<StoreError>) {
        *self.fail_writes.borrow_mut() = error;
    }

    fn check_write(&self) -> Result<(), StoreError> {
        match self.fail_writes.borrow().clone() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    fn write(&self, id: Id, write: Write<'_>) -> Result<Version, StoreError> {
        self.check_write()?;
        let stored = self.rows.borrow().get(&id).cloned();
        let (row, written) = match apply(stored.clone(), write)? {
            Some(row) => (row, true),
            None => (
                stored.ok_or(StoreError::Changed {
                    current: None,
                    rev: None,
                })?,
                false,
            ),
        };
        let version = version_of(&row)?;
        self.rows.borrow_mut().insert(id, row);
        if written {
            self.listeners.emit(&ChangeBatch::edit(DocRef::Record(id)));
        }
        Ok(version)
    }

    fn apply_kept(&self, place: &Place, write: KeptWrite<'_>) -> Result<Rev, StoreError> {
        self.check_write()?;
        let key = (place.store, place.key.clone());
        let stored = self
            .kept
            .borrow()
            .get(&key)
            .map(DocRow::read_doc)
            .transpose()?;
        let doc = match apply_kept(stored.clone(), write)? {
            Some(doc) => {
                let row = DocRow::of_doc(place.key.clone(), &doc)?;
                self.kept.borrow_mut().insert(key, row);
                self.listeners.emit(&ChangeBatch::edit(place.doc));
                doc
            }
            None => stored.ok_or(StoreError::Outdated { rev: None })?,
        };
        Ok(doc.rev())
    }

    fn shown(&self) -> Vec<Record> {
        let mut found: Vec<Record> = self
            .rows
            .borrow()
            .values()
            .filter_map(|row| row.clone().into_record().ok().flatten())
            .map(|(record, _)| record)
            .collect();
        sort_recent_first(&mut found);
        found
    }
}

impl Repository for MemoryRepository {
    async fn save(&self, record: &Record, base: Option<&Rev>) -> Result<Version, StoreError> {
        self.write(record.id, Write::Save(record, base))
    }

    async fn keep_both(&self, record: &Record, base: &Rev) -> Result<Version, StoreError> {
        self.write(record.id, Write::KeepBoth(record, base))
    }

    async fn resolve(&self, record: &Record, base: &Rev) -> Result<Version, StoreError> {
        self.write(record.id, Write::Resolve(record, base))
    }

    async fn get(&self, id: Id) -> Result<Option<(Record, Version)>, StoreError> {
        match self.rows.borrow().get(&id) {
            Some(row) => row.clone().into_record(),
            None => Ok(None),
        }
    }

    async fn conflicts(&self, id: Id) -> Result<Vec<(Rev, Record)>, StoreError> {
        match self.rows.borrow().get(&id) {
            Some(row) => Ok(row.clone().into_doc()?.0.conflicts()),
            None => Ok(Vec::new()),
        }
    }

    async fn delete(&self, id: Id, base: &Rev) -> Result<Version, StoreError> {
        self.write(id, Write::Delete(base))
    }

    async fn get_many(&self, ids: &[Id]) -> Result<Vec<Shown>, StoreError> {
        let mut found = Vec::with_capacity(ids.len());
        for &id in ids {
            found.push((id, self.get(id).await?));
        }
        Ok(found)
    }

    async fn all(&self) -> Result<Vec<Record>, StoreError> {
        Ok(self.shown())
    }

    async fn write_kept(&self, place: &Place, write: KeptWrite<'_>) -> Result<Rev, StoreError> {
        self.apply_kept(place, write)
    }

    async fn kept_rows(&self, store: &'static str) -> Result<Vec<RowRead>, StoreError> {
        Ok(self
            .kept
            .borrow()
            .iter()
            .filter(|((at, _), _)| *at == store)
            .map(|(_, row)| Ok(row.clone()))
            .collect())
    }

    fn subscribe(&self, listener: impl Fn(&ChangeBatch) + 'static) -> Subscription {
        self.listeners.subscribe(listener)
    }

    async fn count(&self) -> Result<u32, StoreError> {
        Ok(self.shown().len() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActivityKind, IdSource, RecordForm, SeededIds, Timestamp};
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    /// The in-memory futures never wait, so one poll finishes them.
    fn ready<T>(future: impl Future<Output = T>) -> T {
        let mut context = Context::from_waker(Waker::noop());
        match pin!(future).poll(&mut context) {
            Poll::Ready(value) => value,
            Poll::Pending => panic!("an in-memory operation waited"),
        }
    }

    fn request(ids: &mut SeededIds, title: &str, topics: &str, at: i64) -> Record {
        let mut form = RecordForm {
            title: title.into(),
            author: "Lee".into(),
            topics: topics.into(),
            ..Default::default()
        };
        form.values.insert("question".into(), "Where is it?".into());
        form.values.insert("urgency".into(), "normal".into());
        Record::create(
            ActivityKind::InformationRequest,
            &form,
            ids.next_id(),
            Timestamp(at),
        )
        .expect("valid")
    }

    #[test]
    fn every_record_comes_newest_first() {
        let repo = MemoryRepository::new();
        let mut ids = SeededIds::new(3);
        let old = request(&mut ids, "Old", "drills", 1_000);
        let new = request(&mut ids, "New", "drills, safety", 2_000);
        ready(repo.save(&old, None)).expect("saved");
        ready(repo.save(&new, None)).expect("saved");
        let titles =
            |records: Vec<Record>| records.into_iter().map(|r| r.title).collect::<Vec<_>>();
        assert_eq!(titles(ready(repo.all()).expect("all")), ["New", "Old"]);
        assert_eq!(ready(repo.count()).expect("count"), 2);
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let repo = MemoryRepository::new();
        let mut ids = SeededIds::new(4);
        repo.fail_writes_with(Some(StoreError::QuotaExceeded));
        let record = request(&mut ids, "Lost?", "", 1);
        assert_eq!(
            ready(repo.save(&record, None)),
            Err(StoreError::QuotaExceeded)
        );
        assert_eq!(ready(repo.count()).expect("count"), 0);
    }
}
