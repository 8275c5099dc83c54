//! A repository in memory: the reference the IndexedDB one is tested
//! against, and a stand-in for UI tests.

use super::error::StoreError;
use super::repository::{sort_recent_first, Repository};
use crate::domain::{ActivityKind, Id, Record, Status, Topic};
use std::cell::RefCell;
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct MemoryRepository {
    records: RefCell<BTreeMap<Id, Record>>,
    /// When set, every write fails with this error (to test failure paths).
    fail_writes: RefCell<Option<StoreError>>,
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

    fn select(&self, keep: impl Fn(&Record) -> bool) -> Vec<Record> {
        let mut found: Vec<Record> = self
            .records
            .borrow()
            .values()
            .filter(|r| keep(r))
            .cloned()
            .collect();
        sort_recent_first(&mut found);
        found
    }
}

impl Repository for MemoryRepository {
    async fn put(&self, record: &Record) -> Result<(), StoreError> {
        self.check_write()?;
        self.records.borrow_mut().insert(record.id, record.clone());
        Ok(())
    }

    async fn get(&self, id: Id) -> Result<Option<Record>, StoreError> {
        Ok(self.records.borrow().get(&id).cloned())
    }

    async fn delete(&self, id: Id) -> Result<(), StoreError> {
        self.check_write()?;
        self.records.borrow_mut().remove(&id);
        Ok(())
    }

    async fn all(&self) -> Result<Vec<Record>, StoreError> {
        Ok(self.select(|_| true))
    }

    async fn by_kind(&self, kind: ActivityKind) -> Result<Vec<Record>, StoreError> {
        Ok(self.select(|r| r.kind() == kind))
    }

    async fn by_status(&self, status: Status) -> Result<Vec<Record>, StoreError> {
        Ok(self.select(|r| r.status == status))
    }

    async fn by_topic(&self, topic: &Topic) -> Result<Vec<Record>, StoreError> {
        Ok(self.select(|r| r.topics.contains(topic)))
    }

    async fn count(&self) -> Result<u32, StoreError> {
        Ok(self.records.borrow().len() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{IdSource, RecordForm, SeededIds, Timestamp};
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
    fn queries_select_by_index_fields_newest_first() {
        let repo = MemoryRepository::new();
        let mut ids = SeededIds::new(3);
        let old = request(&mut ids, "Old", "drills", 1_000);
        let new = request(&mut ids, "New", "drills, safety", 2_000);
        ready(repo.put(&old)).expect("put");
        ready(repo.put(&new)).expect("put");
        let titles =
            |records: Vec<Record>| records.into_iter().map(|r| r.title).collect::<Vec<_>>();
        assert_eq!(titles(ready(repo.all()).expect("all")), ["New", "Old"]);
        let safety = Topic::new("Safety").expect("topic");
        assert_eq!(
            titles(ready(repo.by_topic(&safety)).expect("topic")),
            ["New"]
        );
        assert_eq!(
            ready(repo.by_kind(ActivityKind::InformationRequest))
                .expect("kind")
                .len(),
            2
        );
        assert_eq!(
            ready(repo.by_status(Status::Answered))
                .expect("status")
                .len(),
            0
        );
        assert_eq!(ready(repo.count()).expect("count"), 2);
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let repo = MemoryRepository::new();
        let mut ids = SeededIds::new(4);
        repo.fail_writes_with(Some(StoreError::QuotaExceeded));
        let record = request(&mut ids, "Lost?", "", 1);
        assert_eq!(ready(repo.put(&record)), Err(StoreError::QuotaExceeded));
        assert_eq!(ready(repo.count()).expect("count"), 0);
    }
}
