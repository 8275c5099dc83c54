//! Members, self-assessment rounds and the community profile in IndexedDB,
//! in headless Chromium.
#![cfg(target_arch = "wasm32")]

use indexed_db_futures::internals::SystemRepr;
use repertoire::domain::assessment::{split_round, Rating, Response, Round};
use repertoire::domain::community::{CommunityProfile, CommunityWord};
use repertoire::domain::member::{Member, ParticipationLevel};
use repertoire::domain::{Id, Timestamp, Topic};
use repertoire::store::idb::{IdbRepository, MEMBERS, SCHEMA};
use repertoire::store::{Repository, StoreError};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser;
use browser::{damaged_row, put_raw_rows, random_id, unique_name};

fn member(name: &str, joined: i64) -> Member {
    Member {
        id: random_id(),
        name: name.into(),
        level: ParticipationLevel::Active,
        knows: Topic::new("handover").into_iter().collect(),
        learning: Vec::new(),
        joined: Timestamp(joined),
    }
}

fn round(date: &str, member: Id) -> Round {
    Round {
        id: random_id(),
        date: date.into(),
        responses: vec![Response {
            member,
            answers: vec![
                ("d1".into(), Rating::Agreement(4)),
                ("d2".into(), Rating::DontKnow),
            ],
        }],
    }
}

async fn open(name: &str) -> IdbRepository {
    IdbRepository::open_with_schema(name, SCHEMA)
        .await
        .expect("database opens")
}

#[wasm_bindgen_test]
async fn a_new_database_has_an_empty_community() {
    let repo = open(&unique_name("empty-community")).await;
    let community = repo.community().await.expect("loads");
    assert_eq!(community.profile, None);
    assert!(community.members.is_empty() && community.rounds.is_empty());
    repo.close();
}

#[wasm_bindgen_test]
async fn profile_members_and_rounds_survive_reopening() {
    let name = unique_name("community");
    let repo = open(&name).await;
    let profile = CommunityProfile {
        name: "Night Shift Circle".into(),
        word: CommunityWord::Own("practice circle".into()),
        domain: "Safe handovers".into(),
        ..CommunityProfile::default()
    };
    repo.put_kept(&profile, None).await.expect("profile saved");
    let (ana, ben) = (member("Ana", 2), member("Ben", 1));
    let ana_rev = repo.put_kept(&ana, None).await.expect("saved");
    let ben_rev = repo.put_kept(&ben, None).await.expect("saved");
    let (later, earlier) = (round("2026-11-01", ana.id), round("2026-05-01", ben.id));
    for round in [&later, &earlier] {
        let (head, answers) = split_round(round);
        repo.put_kept(&head, None).await.expect("saved");
        for answer in answers {
            repo.put_kept(&answer, None).await.expect("saved");
        }
    }
    repo.close();

    let reopened = open(&name).await;
    let community = reopened.community().await.expect("loads");
    assert_eq!(community.profile, Some(profile));
    assert_eq!(
        community.members,
        vec![ben.clone(), ana.clone()],
        "oldest member first"
    );
    assert_eq!(
        community.rounds,
        vec![earlier.clone(), later],
        "oldest round first"
    );
    assert!(community.unreadable.is_empty());

    let mut renamed = ana.clone();
    renamed.name = "Ana B.".into();
    reopened
        .put_kept(&renamed, Some(&ana_rev))
        .await
        .expect("replaced");
    reopened.delete_kept(&ben, &ben_rev).await.expect("deleted");
    let community = reopened.community().await.expect("loads");
    assert_eq!(community.members, vec![renamed]);
    assert_eq!(community.rounds.len(), 2);
    reopened.close();
}

#[wasm_bindgen_test]
async fn a_damaged_member_row_hides_only_itself() {
    let name = unique_name("damaged-member");
    let repo = open(&name).await;
    let ana = member("Ana", 1);
    repo.put_kept(&ana, None).await.expect("saved");
    // Write a row by hand, as another program or a disk fault could.
    put_raw_rows(repo.database().as_sys(), MEMBERS, [damaged_row("broken")]).await;

    let community = repo.community().await.expect("loads");
    assert_eq!(community.members, vec![ana]);
    assert_eq!(community.unreadable.len(), 1);
    repo.close();
}

#[wasm_bindgen_test]
async fn writes_after_another_tab_upgraded_are_refused() {
    let name = unique_name("community-superseded");
    let repo = open(&name).await;
    repo.close();
    let repo = open(&name).await;
    // Simulate the version change event another tab's upgrade sends.
    let raw = repo.database().as_sys().clone();
    let handler = raw.onversionchange().expect("listens for upgrades");
    let _ = handler.call0(&JsValue::NULL);
    assert_eq!(
        repo.put_kept(&member("Late", 1), None).await,
        Err(StoreError::Superseded)
    );
}
