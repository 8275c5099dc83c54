//! The IndexedDB repository in a real browser (headless Chromium), checked
//! against what the in-memory repository does natively.
#![cfg(target_arch = "wasm32")]

use indexed_db_futures::database::Database;
use indexed_db_futures::error::Error;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::Build;
use repertoire::domain::history::RecordDoc;
use repertoire::domain::{ActivityKind, Record, RecordForm, Timestamp};
use repertoire::store::idb::{database_name, IdbRepository, UpgradeStep, RECORDS, SCHEMA};
use repertoire::store::import::{Rows, Writes};
use repertoire::store::{Repository, StoreError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser;
mod contract;
use browser::{damaged_row, put_raw_rows, random_id, unique_name};

fn problem(title: &str, topics: &str, at: i64) -> Record {
    contract::problem(random_id(), title, topics, at)
}

fn request(title: &str, topics: &str, at: i64) -> Record {
    let mut form = RecordForm {
        title: title.into(),
        author: "Lee".into(),
        topics: topics.into(),
        ..Default::default()
    };
    form.values
        .insert("question".into(), "Where is the drill checklist?".into());
    form.values.insert("urgency".into(), "high".into());
    Record::create(
        ActivityKind::InformationRequest,
        &form,
        random_id(),
        Timestamp(at),
    )
    .expect("valid form")
}

async fn open(name: &str) -> IdbRepository {
    IdbRepository::open_with_schema(name, SCHEMA)
        .await
        .expect("database opens")
}

#[wasm_bindgen_test]
async fn indexeddb_keeps_the_repository_contract() {
    let repo = open(&unique_name("contract")).await;
    contract::every_rule(&repo, &mut random_id).await;
    repo.close();
}

#[wasm_bindgen_test]
async fn indexeddb_tells_what_changed() {
    let repo = open(&unique_name("events")).await;
    contract::tells_what_changed(&repo, &mut random_id).await;
    repo.close();
}

#[wasm_bindgen_test]
async fn indexeddb_keeps_members_rounds_and_the_profile() {
    let repo = open(&unique_name("kept")).await;
    contract::kept_documents(&repo, &mut random_id).await;
    repo.close();
}

#[wasm_bindgen_test]
async fn another_tab_hears_each_committed_batch() {
    use repertoire::store::events::{Cause, ChangeBatch, DocRef, Origin};
    use std::cell::RefCell;
    use std::rc::Rc;
    let name = unique_name("other-tab");
    let (writer, other) = (open(&name).await, open(&name).await);
    let heard: Rc<RefCell<Vec<ChangeBatch>>> = Rc::default();
    let ear = heard.clone();
    let _subscription = other.subscribe(move |batch| ear.borrow_mut().push(batch.clone()));
    let record = problem("Told", "", 1_000);
    writer.save(&record, None).await.expect("saved");
    // The channel delivers in a later task.
    for _ in 0..200 {
        if !heard.borrow().is_empty() {
            break;
        }
        repertoire::store::idb::next_task().await;
    }
    assert_eq!(
        *heard.borrow(),
        [ChangeBatch {
            origin: Origin::OtherTab,
            cause: Cause::Edit,
            docs: vec![DocRef::Record(record.id)],
        }]
    );
    writer.close();
    other.close();
}

#[wasm_bindgen_test]
async fn records_round_trip_and_same_titles_stay_separate() {
    let repo = open(&unique_name("round-trip")).await;
    let first = problem("Handover misses allergies", "handover", 1_000);
    let second = problem("Handover misses allergies", "handover", 2_000);
    let version = repo.save(&first, None).await.expect("first saved");
    repo.save(&second, None).await.expect("second saved");
    assert_eq!(
        repo.get(first.id).await.expect("read").map(|(r, _)| r),
        Some(first.clone())
    );
    assert_eq!(repo.count().await.expect("count"), 2);
    let all = repo.all().await.expect("all");
    assert_eq!(
        all.iter().map(|r| r.id).collect::<Vec<_>>(),
        [second.id, first.id],
        "newest first"
    );

    let mut edited = first.clone();
    edited.title = "Handover misses allergies at night".into();
    repo.save(&edited, Some(&version.rev))
        .await
        .expect("replaced");
    assert_eq!(
        repo.count().await.expect("count"),
        2,
        "an edit replaces the version shown"
    );
    let second_rev = repo
        .get(second.id)
        .await
        .expect("read")
        .expect("stored")
        .1
        .rev;
    repo.delete(second.id, &second_rev).await.expect("deleted");
    assert_eq!(repo.all().await.expect("all"), vec![edited]);
    assert_eq!(repo.get(second.id).await.expect("read"), None);
    repo.close();
}

#[wasm_bindgen_test]
async fn the_latest_records_come_first_and_alone() {
    let repo = open(&unique_name("recent")).await;
    assert_eq!(repo.recent(3).await.expect("empty"), Vec::<Record>::new());
    // Written out of order; the one with a late contribution counts as recent.
    let times = [5_000, 1_000, 9_000, 3_000, 7_000, 3_000];
    let mut records: Vec<Record> = times
        .iter()
        .map(|&at| problem(&format!("Problem at {at}"), "handover", at))
        .collect();
    records[1]
        .contributions
        .push(repertoire::domain::Contribution {
            id: random_id(),
            author: "Lee".into(),
            created: Timestamp(8_000),
            body: repertoire::domain::ContributionBody::Idea {
                text: "Ask pharmacy".into(),
            },
        });
    for record in &records {
        repo.save(record, None).await.expect("saved");
    }
    let titles = |records: Vec<Record>| records.into_iter().map(|r| r.title).collect::<Vec<_>>();
    assert_eq!(
        titles(repo.recent(3).await.expect("recent")),
        ["Problem at 9000", "Problem at 1000", "Problem at 7000"]
    );
    assert_eq!(repo.recent(50).await.expect("all").len(), 6);
    assert_eq!(
        titles(repo.recent(50).await.expect("all")),
        titles(repo.all().await.expect("all")),
        "the same order as the whole list, ties included"
    );
    repo.close();
}

fn add_extra_store(db: &Database) -> Result<(), Error> {
    db.create_object_store("extra").build()?;
    Ok(())
}

/// Today's schema with one more step, as the next version will be.
fn next_schema() -> &'static [UpgradeStep] {
    let steps: Vec<UpgradeStep> = SCHEMA
        .iter()
        .copied()
        .chain([add_extra_store as UpgradeStep])
        .collect();
    Box::leak(steps.into_boxed_slice())
}

#[wasm_bindgen_test]
async fn an_upgrade_to_a_later_schema_keeps_every_record() {
    let name = unique_name("upgrade");
    let repo = open(&name).await;
    let records = [
        problem("One", "a", 1),
        request("Two", "b", 2),
        problem("Three", "a, b", 3),
    ];
    for record in &records {
        repo.save(record, None).await.expect("saved");
    }
    repo.close();

    let upgraded = IdbRepository::open_with_schema(&name, next_schema())
        .await
        .expect("upgrade opens");
    assert_eq!(upgraded.database().version(), SCHEMA.len() as f64 + 1.0);
    let names: Vec<String> = upgraded.database().object_store_names().collect();
    assert!(
        names.contains(&"extra".to_owned()),
        "the new step ran: {names:?}"
    );
    let mut kept = upgraded.all().await.expect("all");
    kept.sort_by_key(|r| r.created);
    assert_eq!(
        kept,
        records.to_vec(),
        "every record survives the upgrade unchanged"
    );
    assert_eq!(
        upgraded
            .recent(2)
            .await
            .expect("the updated index still works"),
        vec![records[2].clone(), records[1].clone()]
    );
    upgraded.close();
}

/// Whether the records store has an index of that name.
fn has_index(repo: &IdbRepository, name: &str) -> bool {
    let tx = repo
        .database()
        .transaction(RECORDS)
        .build()
        .expect("transaction");
    let store = tx.object_store(RECORDS).expect("records");
    store.index(name).is_ok()
}

#[wasm_bindgen_test]
async fn later_versions_drop_the_indices_nothing_reads_and_keep_every_record() {
    let name = unique_name("v1-to-now");
    let v1 = IdbRepository::open_with_schema(&name, &SCHEMA[..1])
        .await
        .expect("version 1 opens");
    for index in ["kind", "status", "updated", "author", "topics"] {
        assert!(has_index(&v1, index), "version 1 has {index}");
    }
    let records = [problem("One", "a", 1), request("Two", "b", 2)];
    for record in &records {
        v1.save(record, None).await.expect("saved");
    }
    v1.close();

    let now = open(&name).await;
    assert_eq!(now.database().version(), SCHEMA.len() as f64);
    for index in ["kind", "status", "author", "topics"] {
        assert!(!has_index(&now, index), "the {index} index is gone");
    }
    assert!(
        has_index(&now, "updated"),
        "the latest records are read through it"
    );
    let names: Vec<String> = now.database().object_store_names().collect();
    assert_eq!(
        names.len(),
        4,
        "no store is left over from the steps: {names:?}"
    );
    assert_eq!(now.count().await.expect("count"), 2);
    assert_eq!(
        now.all().await.expect("all"),
        vec![records[1].clone(), records[0].clone()]
    );
    now.close();
}

#[wasm_bindgen_test]
async fn an_old_tab_lets_go_when_another_opens_a_newer_schema() {
    let name = unique_name("tabs");
    let old_tab = open(&name).await;
    old_tab
        .save(&problem("Before", "", 1), None)
        .await
        .expect("saved");
    // Would hang forever if the old connection did not close itself.
    let new_tab = IdbRepository::open_with_schema(&name, next_schema())
        .await
        .expect("upgrade proceeds");
    assert_eq!(
        old_tab.save(&problem("After", "", 2), None).await,
        Err(StoreError::Superseded)
    );
    assert_eq!(
        new_tab.count().await.expect("count"),
        1,
        "the refused write left nothing"
    );
    new_tab.close();
}

#[wasm_bindgen_test]
async fn a_database_from_a_newer_version_is_refused_in_words() {
    let name = unique_name("too-new");
    IdbRepository::open_with_schema(&name, next_schema())
        .await
        .expect("newer opens")
        .close();
    match IdbRepository::open_with_schema(&name, SCHEMA).await {
        Err(StoreError::TooNew { .. }) => {}
        Err(other) => panic!("expected TooNew, got {other:?}"),
        Ok(_) => panic!("an older schema must not open a newer database"),
    }
}

#[wasm_bindgen_test]
fn each_namespace_has_its_own_database() {
    assert_ne!(database_name("north"), database_name("south"));
    assert_eq!(database_name("north"), "repertoire:north");
}

fn import_of(count: usize) -> Writes {
    Writes {
        records: (0..count)
            .map(|i| {
                RecordDoc::new(&problem(
                    &format!("Imported {i}"),
                    "handover",
                    1_000 + i as i64,
                ))
            })
            .collect(),
        ..Default::default()
    }
}

#[wasm_bindgen_test]
async fn an_import_is_written_whole_and_says_how_far_it_is() {
    let repo = open(&unique_name("import")).await;
    let writes = import_of(1_200);
    let heard = std::cell::RefCell::new(Vec::new());
    let rows = Rows::of(&writes).expect("rows");
    repo.write_all(
        &rows,
        &|done, total| heard.borrow_mut().push((done, total)),
        &|| false,
    )
    .await
    .expect("import written");
    assert_eq!(
        heard.into_inner(),
        vec![(500, 1_200), (1_000, 1_200), (1_200, 1_200)],
        "progress after each batch, in order"
    );
    assert_eq!(repo.count().await.expect("count"), 1_200);
    let stored = repo.get(writes.records[1_199].id).await.expect("read");
    assert_eq!(stored.map(|(r, _)| r), writes.records[1_199].shown());
}

#[wasm_bindgen_test]
async fn an_import_merges_with_the_row_stored_when_it_is_written() {
    let repo = open(&unique_name("import-over")).await;
    let stored = problem("Stored", "handover", 1_000);
    let read = repo.save(&stored, None).await.expect("saved");
    // The plan merged the file's edit with the version it read...
    let mut planned = RecordDoc::new(&stored);
    let imported = Record {
        title: "From the file".into(),
        ..stored.clone()
    };
    planned.save(&read.rev, &imported).expect("current");
    // ...and another tab saves meanwhile.
    let other_tab = Record {
        title: "Changed in another tab".into(),
        ..stored.clone()
    };
    repo.save(&other_tab, Some(&read.rev))
        .await
        .expect("current");
    let writes = Writes {
        merged: vec![planned],
        ..Default::default()
    };
    repo.write_all(&Rows::of(&writes).expect("rows"), &|_, _| {}, &|| false)
        .await
        .expect("import written");
    // Neither is written over the other: both are kept, as a conflict.
    let (shown, version) = repo.get(stored.id).await.expect("read").expect("stored");
    assert_eq!(version.conflicts, 1);
    let conflicts = repo.conflicts(stored.id).await.expect("read");
    let mut titles = vec![shown.title, conflicts[0].1.title.clone()];
    titles.sort();
    assert_eq!(titles, ["Changed in another tab", "From the file"]);
    // The export holds both, and the history of every record.
    let (records, history) = repo.export().await.expect("export");
    assert_eq!(records.len(), 1);
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].1.others.len(), 1);
}

#[wasm_bindgen_test]
async fn a_stopped_import_writes_nothing() {
    let repo = open(&unique_name("import-stopped")).await;
    repo.save(&problem("Kept", "handover", 1), None)
        .await
        .expect("put");
    let writes = import_of(1_200);
    let stopped = repo
        .write_all(&Rows::of(&writes).expect("rows"), &|_, _| {}, &|| true)
        .await
        .expect_err("stopped");
    assert!(matches!(stopped, StoreError::Cancelled), "{stopped:?}");
    assert_eq!(repo.count().await.expect("count"), 1, "only what was there");
}

#[wasm_bindgen_test]
async fn a_large_repertoire_is_read_whole_page_after_page() {
    let repo = open(&unique_name("pages")).await;
    // Exactly two pages of 5,000 rows: the third request finds nothing.
    let writes = import_of(10_000);
    let rows = Rows::of(&writes).expect("rows");
    repo.write_all(&rows, &|_, _| {}, &|| false)
        .await
        .expect("import written");
    let loaded = repo.load().await.expect("loads");
    assert_eq!(loaded.records.len(), 10_000);
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);

    // Damaged rows, as another program could write them: one keyed by a
    // number (numbers sort before every string), one by an array (after
    // every string), and one sorted to the very end of the first page. The
    // next page must still start after it; only those rows are missing.
    let late = problem("Written last", "handover", 50_000);
    repo.save(&late, None).await.expect("saved");
    let mut ids: Vec<String> = writes
        .records
        .iter()
        .map(|d| d.id)
        .chain([late.id])
        .map(|id| id.to_string())
        .collect();
    ids.sort();
    let by_number = damaged_row("0");
    js_sys::Reflect::set(&by_number, &"id".into(), &42.0.into()).expect("set");
    let by_array = damaged_row("0");
    let key = js_sys::Array::of2(&"a".into(), &1.0.into());
    js_sys::Reflect::set(&by_array, &"id".into(), &key).expect("set");
    // 1 number key and 4,998 ids before it: the 5,000th key.
    let at_page_end = damaged_row(&format!("{}!", ids[4_997]));
    put_raw_rows(
        repo.database().as_sys(),
        RECORDS,
        [by_number, by_array, at_page_end],
    )
    .await;
    let loaded = repo.load().await.expect("loads");
    assert_eq!(loaded.unreadable.len(), 3, "{:?}", loaded.unreadable);
    assert_eq!(loaded.records.len(), 10_001);
    assert_eq!(loaded.records[0], late, "most recent first");
    let mut read: Vec<String> = loaded.records.iter().map(|r| r.id.to_string()).collect();
    read.sort();
    read.dedup();
    assert_eq!(read.len(), 10_001, "each record once");
    repo.close();
}
