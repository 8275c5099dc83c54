//! The repertoire in IndexedDB: one database per community namespace.
//!
//! Every write runs in one transaction and reports success only after the
//! transaction committed. The database closes itself when another tab opens
//! a newer version, so upgrades never hang on an old tab.

use super::broadcast::Broadcast;
use super::change::{apply, version_of, Write};
use super::error::StoreError;
use super::events::{ChangeBatch, DocRef, Listeners, Subscription};
use super::kept::{KeptWrite, Place};
use super::repository::{Repository, RowRead, Shown};
use super::row::{Loaded, RecordRow, Version};
use crate::domain::history::{History, RecordDoc, Rev};
use crate::domain::{Id, Record};
use indexed_db_futures::cursor::CursorDirection;
use indexed_db_futures::database::Database;
use indexed_db_futures::error::{Error, OpenDbError};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::iter::GetAllPrimitiveIter;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use indexed_db_futures::{KeyPath, KeyRange};
use rustc_hash::FxHashMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub const RECORDS: &str = "records";
pub use super::kept::{MEMBERS, META, ROUNDS};

/// One schema change: runs inside the upgrade when the stored database is
/// older than the step's version (its position in the list, from 1).
pub type UpgradeStep = fn(&Database) -> Result<(), Error>;

/// The schema, version by version. Never edit a shipped step: append one.
pub const SCHEMA: &[UpgradeStep] = &[create_v1, drop_kind_index, drop_unused_indices];

/// Version 1: every store and index the product needs, so later versions
/// rarely have to touch an existing store.
fn create_v1(db: &Database) -> Result<(), Error> {
    let records = db
        .create_object_store(RECORDS)
        .with_key_path(KeyPath::from("id"))
        .build()?;
    records
        .create_index("kind", KeyPath::from("kind"))
        .build()?;
    records
        .create_index("status", KeyPath::from("status"))
        .build()?;
    records
        .create_index("updated", KeyPath::from("updated"))
        .build()?;
    records
        .create_index("author", KeyPath::from("author"))
        .build()?;
    records
        .create_index("topics", KeyPath::from("topics"))
        .with_multi_entry(true)
        .build()?;
    db.create_object_store(MEMBERS)
        .with_key_path(KeyPath::from("id"))
        .build()?;
    db.create_object_store(ROUNDS)
        .with_key_path(KeyPath::from("id"))
        .build()?;
    db.create_object_store(META).build()?;
    Ok(())
}

/// Version 2: records lose their `kind` index. Nothing reads records by
/// kind from storage (the app filters what it holds), and every index
/// makes every write dearer: this one cost about a seventh of an import's
/// writing time.
fn drop_kind_index(db: &Database) -> Result<(), Error> {
    // An existing store can only be reached through the upgrade's own
    // transaction, which the database does not hand out; a store made for
    // the moment does.
    const PASSING: &str = "upgrade-v2";
    let passing = db.create_object_store(PASSING).build()?;
    let upgrade = passing.as_sys().transaction();
    db.delete_object_store(PASSING)?;
    upgrade.object_store(RECORDS)?.delete_index("kind")?;
    Ok(())
}

/// Version 3: records lose the `status`, `author` and `topics` indices.
/// Nothing reads through them (views filter what the app holds), and every
/// index makes every write dearer. `updated` stays: the latest records are
/// read through it at start.
fn drop_unused_indices(db: &Database) -> Result<(), Error> {
    // The upgrade's own transaction, reached as in `drop_kind_index`.
    const PASSING: &str = "upgrade-v3";
    let passing = db.create_object_store(PASSING).build()?;
    let upgrade = passing.as_sys().transaction();
    db.delete_object_store(PASSING)?;
    let records = upgrade.object_store(RECORDS)?;
    for index in ["status", "author", "topics"] {
        records.delete_index(index)?;
    }
    Ok(())
}

pub fn database_name(namespace: &str) -> String {
    format!("repertoire:{namespace}")
}

/// Called once when another tab's upgrade made this connection let go.
type SupersededHook = Rc<RefCell<Option<Box<dyn Fn()>>>>;

pub struct IdbRepository {
    db: Database,
    /// Set once another tab's upgrade made this connection let go.
    superseded: Rc<Cell<bool>>,
    on_superseded: SupersededHook,
    // Kept alive for as long as the connection listens for version changes.
    _on_version_change: Closure<dyn FnMut()>,
    listeners: Listeners,
    broadcast: Option<Broadcast>,
}

impl IdbRepository {
    pub async fn open(namespace: &str) -> Result<IdbRepository, StoreError> {
        Self::open_with_schema(&database_name(namespace), SCHEMA).await
    }

    /// Opens `name` at version `schema.len()`, running the steps it lacks.
    pub async fn open_with_schema(
        name: &str,
        schema: &'static [UpgradeStep],
    ) -> Result<IdbRepository, StoreError> {
        let version = schema.len() as u32;
        let db = Database::open(name)
            .with_version(version)
            .with_on_upgrade_needed(move |event, db| {
                let from = event.old_version() as usize;
                for step in schema.iter().skip(from) {
                    step(&db)?;
                }
                Ok(())
            })
            .await
            .map_err(open_error)?;
        let superseded = Rc::new(Cell::new(false));
        let on_superseded: SupersededHook = Rc::new(RefCell::new(None));
        let on_version_change = {
            let (raw, superseded, hook) = (
                db.as_sys().clone(),
                superseded.clone(),
                on_superseded.clone(),
            );
            Closure::<dyn FnMut()>::new(move || {
                superseded.set(true);
                raw.close();
                if let Some(hook) = hook.borrow().as_ref() {
                    hook();
                }
            })
        };
        db.as_sys()
            .set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        let listeners = Listeners::default();
        let repo = IdbRepository {
            db,
            superseded,
            on_superseded,
            _on_version_change: on_version_change,
            broadcast: Broadcast::open(name, listeners.clone()),
            listeners,
        };
        repo.split_old_rounds().await?;
        Ok(repo)
    }

    /// Tells this repository's listeners, and every other tab, widget and
    /// worker on the database, what a committed transaction changed.
    pub(super) fn committed(&self, batch: ChangeBatch) {
        self.listeners.emit(&batch);
        if let Some(broadcast) = &self.broadcast {
            broadcast.post(&batch);
        }
    }

    /// Runs `hook` when another tab opens a newer version and this
    /// connection lets go, so the member can be told at once.
    pub fn on_superseded(&self, hook: impl Fn() + 'static) {
        *self.on_superseded.borrow_mut() = Some(Box::new(hook));
    }

    pub fn database(&self) -> &Database {
        &self.db
    }

    /// Lets go of the connection (another connection may then upgrade).
    pub fn close(self) {
        self.db.as_sys().set_onversionchange(None);
        self.db.close();
    }

    pub(super) fn check_open(&self) -> Result<(), StoreError> {
        if self.superseded.get() {
            Err(StoreError::Superseded)
        } else {
            Ok(())
        }
    }

    /// Every record that can be read, and what could not.
    pub async fn load(&self) -> Result<Loaded, StoreError> {
        self.rows().await
    }

    /// Up to `limit` records of most recent activity, read with a cursor
    /// over the `updated` index: a page can show them long before every
    /// record is loaded. A preview only: unreadable rows are left out here,
    /// and `load` reports them.
    pub async fn recent(&self, limit: usize) -> Result<Vec<Record>, StoreError> {
        self.check_open()?;
        let tx = self.db.transaction(RECORDS).build().map_err(store_error)?;
        let store = tx.object_store(RECORDS).map_err(store_error)?;
        let index = store.index("updated").map_err(store_error)?;
        let mut records = Vec::with_capacity(limit);
        let cursor = index
            .open_cursor()
            .with_direction(CursorDirection::Prev)
            .serde()
            .map_err(store_error)?
            .await
            .map_err(store_error)?;
        let Some(mut cursor) = cursor else {
            return Ok(records);
        };
        while records.len() < limit {
            match cursor.next_record_ser::<RecordRow>().await {
                Ok(Some(row)) => {
                    if let Ok(Some((record, _))) = row.into_record() {
                        records.push(record);
                    }
                }
                // A damaged row ends the preview; `load` reports it.
                Ok(None) | Err(_) => break,
            }
        }
        Ok(records)
    }

    async fn rows(&self) -> Result<Loaded, StoreError> {
        let mut loaded = Loaded::default();
        self.each_row(&mut |row| loaded.take(row)).await?;
        Ok(loaded.finish())
    }

    /// Every record with its history, deleted ones included (what an
    /// import merges with). A row that cannot be read is left out, as it is
    /// from the app; the member was told when the repertoire opened.
    pub async fn load_docs(&self) -> Result<FxHashMap<Id, RecordDoc>, StoreError> {
        let mut docs = FxHashMap::default();
        self.each_row(&mut |row| {
            match row.and_then(RecordRow::into_doc) {
                Ok((doc, _)) => {
                    docs.insert(doc.id, doc);
                }
                Err(error @ StoreError::TooNew { .. }) => return Err(error),
                Err(_) => {}
            }
            Ok(())
        })
        .await?;
        Ok(docs)
    }

    /// What an export holds: every record shown (most recently active
    /// first) and every record's history, deleted ones included.
    pub async fn export(&self) -> Result<(Vec<Record>, Vec<(Id, History)>), StoreError> {
        let (mut records, mut history) = (Vec::new(), Vec::new());
        self.each_row(&mut |row| {
            // An unreadable row stays out of the export as it stays out
            // of the app; the member was told when it was found.
            if let Ok((doc, _)) = row.and_then(RecordRow::into_doc) {
                records.extend(doc.shown());
                history.push((doc.id, doc.history()));
            }
            Ok(())
        })
        .await?;
        super::repository::sort_recent_first(&mut records);
        Ok((records, history))
    }

    /// Hands every row to `take`, read in one transaction and taken in
    /// slices.
    async fn each_row(
        &self,
        take: &mut dyn FnMut(Result<RecordRow, StoreError>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.check_open()?;
        let tx = self.db.transaction(RECORDS).build().map_err(store_error)?;
        let store = tx.object_store(RECORDS).map_err(store_error)?;
        let pages = every_row(&store).await?;
        drop(tx);
        // Reading a large repertoire takes a second or more: it goes in
        // slices, and the page handles input and paints between them.
        let mut slice_started = js_sys::Date::now();
        for row in pages.into_iter().flatten() {
            // A row whose shape is wrong fails alone, as a damaged record.
            let row = row
                .map_err(|e| e.to_string())
                .and_then(|row| serde_wasm_bindgen::from_value(row).map_err(|e| e.to_string()));
            take(row.map_err(StoreError::Corrupt))?;
            if js_sys::Date::now() - slice_started > SLICE_MS {
                next_task().await;
                slice_started = js_sys::Date::now();
            }
        }
        Ok(())
    }
}

/// How long one slice of a long read may hold the page: well under the
/// tenth of a second after which a click feels ignored.
const SLICE_MS: f64 = 40.0;

/// Rows per request of a whole read. The browser copies a request's rows
/// out in one task: 100,000 rows in one request held the page for about
/// 270 ms, 5,000 take a tenth of that.
const PAGE_ROWS: u32 = 5_000;

/// Every row of the records store, read page after page in key order
/// within the one transaction, so the pages form one consistent snapshot.
/// Each page's keys are read beside its rows: the last key says where the
/// next page starts, whatever its type, even when its row is unreadable.
async fn every_row(
    store: &ObjectStore<'_>,
) -> Result<Vec<GetAllPrimitiveIter<JsValue>>, StoreError> {
    let mut pages = Vec::new();
    // No key of any type sorts before minus infinity.
    let mut start = KeyRange::LowerBound(JsValue::from_f64(f64::NEG_INFINITY), false);
    loop {
        let keys = store
            .get_all_keys::<JsValue>()
            .with_query::<JsValue, _>(start.clone())
            .with_limit(PAGE_ROWS)
            .primitive()
            .map_err(store_error)?;
        let rows = store
            .get_all::<JsValue>()
            .with_query::<JsValue, _>(start)
            .with_limit(PAGE_ROWS)
            .primitive()
            .map_err(store_error)?;
        let mut keys = keys.await.map_err(store_error)?;
        pages.push(rows.await.map_err(store_error)?);
        let full = keys.len() == PAGE_ROWS as usize;
        match keys.next_back() {
            Some(last) if full => start = KeyRange::LowerBound(last.map_err(store_error)?, true),
            _ => return Ok(pages),
        }
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: i32);
}

/// Resolves in a later task of the event loop (a page or a worker), so
/// long work in slices lets the page handle input and paint in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| set_timeout(&resolve, 0));
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

impl IdbRepository {
    /// A readwrite transaction on `store`, if this connection is still ours.
    pub(super) fn writing(&self, store: &str) -> Result<Transaction<'_>, StoreError> {
        self.check_open()?;
        self.db
            .transaction(store)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(store_error)
    }
}

/// The row of record `id` in a transaction's `records` store; a row of
/// the wrong shape is reported as damaged.
pub(super) async fn stored_row(
    store: &ObjectStore<'_>,
    id: Id,
) -> Result<Option<RecordRow>, StoreError> {
    let stored: Option<JsValue> = store
        .get(id.to_string())
        .primitive()
        .map_err(store_error)?
        .await
        .map_err(store_error)?;
    stored
        .map(|row| {
            serde_wasm_bindgen::from_value(row)
                .map_err(|e| StoreError::Corrupt(format!("record {id}: {e}")))
        })
        .transpose()
}

impl IdbRepository {
    /// Reads the record's row, applies `write` and puts the result back,
    /// all in one transaction: no other tab can write in between.
    async fn write(&self, id: Id, write: Write<'_>) -> Result<Version, StoreError> {
        let tx = self.writing(RECORDS)?;
        let store = tx.object_store(RECORDS).map_err(store_error)?;
        let stored = stored_row(&store, id).await?;
        let written = apply(stored.clone(), write)?;
        let row = match written {
            Some(ref row) => {
                store.put(row).serde().map_err(store_error)?;
                row.clone()
            }
            None => stored.ok_or(StoreError::Changed {
                current: None,
                rev: None,
            })?,
        };
        commit(tx).await?;
        if written.is_some() {
            self.committed(ChangeBatch::edit(DocRef::Record(id)));
        }
        version_of(&row)
    }

    async fn row(&self, id: Id) -> Result<Option<RecordRow>, StoreError> {
        self.check_open()?;
        let tx = self.db.transaction(RECORDS).build().map_err(store_error)?;
        let store = tx.object_store(RECORDS).map_err(store_error)?;
        stored_row(&store, id).await
    }
}

impl Repository for IdbRepository {
    async fn save(&self, record: &Record, base: Option<&Rev>) -> Result<Version, StoreError> {
        self.write(record.id, Write::Save(record, base)).await
    }

    async fn keep_both(&self, record: &Record, base: &Rev) -> Result<Version, StoreError> {
        self.write(record.id, Write::KeepBoth(record, base)).await
    }

    async fn resolve(&self, record: &Record, base: &Rev) -> Result<Version, StoreError> {
        self.write(record.id, Write::Resolve(record, base)).await
    }

    async fn get(&self, id: Id) -> Result<Option<(Record, Version)>, StoreError> {
        match self.row(id).await? {
            Some(row) => row.into_record(),
            None => Ok(None),
        }
    }

    async fn conflicts(&self, id: Id) -> Result<Vec<(Rev, Record)>, StoreError> {
        match self.row(id).await? {
            Some(row) => Ok(row.into_doc()?.0.conflicts()),
            None => Ok(Vec::new()),
        }
    }

    async fn delete(&self, id: Id, base: &Rev) -> Result<Version, StoreError> {
        self.write(id, Write::Delete(base)).await
    }

    async fn get_many(&self, ids: &[Id]) -> Result<Vec<Shown>, StoreError> {
        self.check_open()?;
        let tx = self.db.transaction(RECORDS).build().map_err(store_error)?;
        let store = tx.object_store(RECORDS).map_err(store_error)?;
        let mut found = Vec::with_capacity(ids.len());
        for &id in ids {
            let shown = match stored_row(&store, id).await? {
                Some(row) => row.into_record()?,
                None => None,
            };
            found.push((id, shown));
        }
        Ok(found)
    }

    async fn all(&self) -> Result<Vec<Record>, StoreError> {
        self.rows().await.map(|l| l.records)
    }

    async fn write_kept(&self, place: &Place, write: KeptWrite<'_>) -> Result<Rev, StoreError> {
        self.write_kept_in(place, write).await
    }

    async fn kept_rows(&self, store: &'static str) -> Result<Vec<RowRead>, StoreError> {
        self.rows_of(store).await
    }

    fn subscribe(&self, listener: impl Fn(&ChangeBatch) + 'static) -> Subscription {
        self.listeners.subscribe(listener)
    }

    /// Through the `updated` index, which holds no deleted record.
    async fn count(&self) -> Result<u32, StoreError> {
        self.check_open()?;
        let tx = self.db.transaction(RECORDS).build().map_err(store_error)?;
        let store = tx.object_store(RECORDS).map_err(store_error)?;
        let index = store.index("updated").map_err(store_error)?;
        index.count().await.map_err(store_error)
    }
}

/// Commits, and when the browser aborts the transaction, reports the real
/// cause (a full quota shows up only as the transaction's error).
pub(super) async fn commit(tx: Transaction<'_>) -> Result<(), StoreError> {
    let raw: web_sys::IdbTransaction = tx
        .as_sys()
        .unchecked_ref::<web_sys::IdbTransaction>()
        .clone();
    match tx.commit().await {
        Ok(()) => Ok(()),
        Err(error) => Err(match raw.error() {
            Some(cause) => dom_error(&cause.name(), &cause.message()),
            None => store_error(error),
        }),
    }
}

fn dom_error(name: &str, message: &str) -> StoreError {
    match name {
        "QuotaExceededError" => StoreError::QuotaExceeded,
        "VersionError" => StoreError::TooNew {
            found: 0,
            supported: SCHEMA.len() as u32,
        },
        _ => StoreError::Failed(format!("{name}: {message}")),
    }
}

/// Names the browser's failure in the terms members are told about.
pub fn store_error(error: Error) -> StoreError {
    match error {
        Error::DomException(exception) => {
            let raw: web_sys::DomException = exception.into();
            dom_error(&raw.name(), &raw.message())
        }
        other => StoreError::Failed(other.to_string()),
    }
}

fn open_error(error: OpenDbError) -> StoreError {
    match error {
        OpenDbError::Base(error) => match store_error(error) {
            StoreError::Failed(detail) => StoreError::Unavailable(detail),
            other => other,
        },
        other => StoreError::Unavailable(other.to_string()),
    }
}
