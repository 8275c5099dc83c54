//! Every database schema Repertoire has shipped, built as it was stored,
//! then opened with today's code: every record must survive, upgraded.
//!
//! The rule for a new version: freeze the rows it stores as a fixture
//! (`tests/fixtures/schema-vN-*.json`, made by that release and never edited
//! afterwards) and its stores as a builder here (a copy, not a call into
//! `SCHEMA`, which will move on), then add a test like the one below.
#![cfg(target_arch = "wasm32")]

use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyPath;
use repertoire::domain::Record;
use repertoire::store::idb::{IdbRepository, SCHEMA};
use repertoire::store::row::RecordRow;
use repertoire::store::Repository;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser;
use browser::{put_raw_rows, unique_name};

/// Record rows as the first release stored them.
const V1_RECORDS: &str = include_str!("fixtures/schema-v1-records.json");
/// Members, a round with two members' responses and the profile, as
/// schema 3 stored them (layout 1: the value alone, no history).
const V3_COMMUNITY: &str = include_str!("fixtures/schema-v3-community.json");

/// The stores and indices of schema version 1, as shipped.
async fn build_v1(name: &str) {
    let db = Database::open(name)
        .with_version(1u32)
        .with_on_upgrade_needed(|_, db| {
            let records = db
                .create_object_store("records")
                .with_key_path(KeyPath::from("id"))
                .build()?;
            for index in ["kind", "status", "updated", "author"] {
                records.create_index(index, KeyPath::from(index)).build()?;
            }
            records
                .create_index("topics", KeyPath::from("topics"))
                .with_multi_entry(true)
                .build()?;
            db.create_object_store("members")
                .with_key_path(KeyPath::from("id"))
                .build()?;
            db.create_object_store("rounds")
                .with_key_path(KeyPath::from("id"))
                .build()?;
            db.create_object_store("meta").build()?;
            Ok(())
        })
        .await
        .expect("the v1 database is built");
    let rows = js_sys::JSON::parse(V1_RECORDS).expect("fixture is JSON");
    put_raw_rows(db.as_sys(), "records", js_sys::Array::from(&rows).iter()).await;
    db.close();
}

/// Puts the community rows of the fixture into a database of any schema.
async fn put_community_v3(name: &str) {
    let db = Database::open(name).await.expect("opens");
    let fixture = js_sys::JSON::parse(V3_COMMUNITY).expect("fixture is JSON");
    let field = |key: &str| js_sys::Reflect::get(&fixture, &key.into()).expect("field");
    put_raw_rows(
        db.as_sys(),
        "members",
        js_sys::Array::from(&field("members")).iter(),
    )
    .await;
    put_raw_rows(
        db.as_sys(),
        "rounds",
        js_sys::Array::from(&field("rounds")).iter(),
    )
    .await;
    let tx = db
        .as_sys()
        .transaction_with_str_and_mode("meta", web_sys::IdbTransactionMode::Readwrite)
        .expect("transaction");
    tx.object_store("meta")
        .expect("meta")
        .put_with_key(&field("profile"), &"profile".into())
        .expect("put");
    let done = js_sys::Promise::new(&mut |resolve, _| tx.set_oncomplete(Some(&resolve)));
    wasm_bindgen_futures::JsFuture::from(done)
        .await
        .expect("committed");
    db.close();
}

fn expected_v1() -> Vec<Record> {
    let rows: Vec<RecordRow> = serde_json::from_str(V1_RECORDS).expect("fixture rows");
    let mut records: Vec<Record> = rows
        .into_iter()
        .map(|row| row.into_record().expect("a v1 row reads").expect("live").0)
        .collect();
    records.sort_by_key(|r| r.id);
    records
}

#[wasm_bindgen_test]
async fn a_schema_v1_database_opens_with_every_record() {
    let name = unique_name("shipped-v1");
    build_v1(&name).await;
    let repo = IdbRepository::open_with_schema(&name, SCHEMA)
        .await
        .expect("today's code opens a v1 database");
    let loaded = repo.load().await.expect("loads");
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    let versions = loaded.versions;
    let mut records = loaded.records;
    records.sort_by_key(|r| r.id);
    assert_eq!(records.len(), 9, "one record of every kind");
    assert_eq!(records, expected_v1());
    // The index kept from v1 still answers.
    assert_eq!(repo.recent(9).await.expect("index").len(), 9);
    // A record kept before revisions has one, derived from its content,
    // and an edit of it is written over that one.
    let first = &records[0];
    let version = versions.get(&first.id).expect("a version for every record");
    assert_eq!(version.rev.generation, 1);
    let edited = Record {
        title: "Edited after the upgrade".into(),
        ..first.clone()
    };
    let saved = repo
        .save(&edited, Some(&version.rev))
        .await
        .expect("current");
    assert_eq!(saved.rev.generation, 2);
    assert_eq!(
        repo.get(first.id).await.expect("read").map(|(r, _)| r),
        Some(edited)
    );
    assert_eq!(repo.count().await.expect("count"), 9);
    assert!(repo
        .community()
        .await
        .expect("community stores")
        .members
        .is_empty());
    repo.close();
}

#[wasm_bindgen_test]
async fn members_rounds_and_the_profile_of_schema_v3_open_intact() {
    use repertoire::domain::assessment::{Answer, Rating, Response, Round};
    use repertoire::domain::community::CommunityProfile;
    use repertoire::domain::member::Member;
    use repertoire::store::doc_row::DocRow;
    let name = unique_name("shipped-v3-community");
    build_v1(&name).await;
    put_community_v3(&name).await;
    let repo = IdbRepository::open_with_schema(&name, SCHEMA)
        .await
        .expect("today's code opens it");
    let community = repo.community().await.expect("reads");
    assert!(
        community.unreadable.is_empty(),
        "{:?}",
        community.unreadable
    );
    let fixture: serde_json::Value = serde_json::from_str(V3_COMMUNITY).expect("JSON");
    let value = |row: &serde_json::Value| -> String {
        serde_json::from_value::<DocRow>(row.clone())
            .expect("a row")
            .doc
    };
    let members: Vec<Member> = fixture["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|row| serde_json::from_str(&value(row)).expect("a member"))
        .collect();
    let round: Round = serde_json::from_str(&value(&fixture["rounds"][0])).expect("a round");
    let profile: CommunityProfile =
        serde_json::from_str(&value(&fixture["profile"])).expect("a profile");
    assert_eq!(community.members, members);
    assert_eq!(community.profile, Some(profile));
    let mut responses = round.responses.clone();
    responses.sort_by_key(|r| r.member);
    assert_eq!(
        community.rounds,
        [Round {
            responses,
            ..round.clone()
        }],
        "the round keeps both members' responses, now answers of their own"
    );
    // An answer kept before revisions has one, and an edit goes over it.
    let ana = members[0].id;
    let key = repertoire::store::kept::rev_key::<Answer>(&format!("{}/{ana}", round.id));
    let base =
        repertoire::store::kept::rev_of(&community.revs, &key).expect("a revision for each answer");
    let again = Answer {
        round: round.id,
        response: Response {
            member: ana,
            answers: vec![("d1".into(), Rating::Agreement(5))],
        },
    };
    let rev = repo.put_kept(&again, Some(base)).await.expect("edited");
    assert_eq!(rev.generation, 2);
    repo.close();
    // Opening again splits nothing twice.
    let reopened = IdbRepository::open_with_schema(&name, SCHEMA)
        .await
        .expect("opens");
    let rounds = reopened.community().await.expect("reads").rounds;
    assert_eq!(rounds[0].responses.len(), 2);
    assert!(rounds[0].responses.contains(&again.response));
    reopened.close();
}
