//! One contract for every repository: the rules of revisions, conflicts
//! and deletions, run natively against the in-memory twin
//! (`tests/contract_memory.rs`) and in Chromium against IndexedDB
//! (`tests/store_web.rs`).

use repertoire::domain::{
    ActivityKind, Contribution, ContributionBody, Id, Record, RecordForm, Timestamp,
};
use repertoire::store::{Repository, StoreError};

pub fn problem(id: Id, title: &str, topics: &str, at: i64) -> Record {
    let mut form = RecordForm {
        title: title.into(),
        author: "Ana".into(),
        topics: topics.into(),
        ..Default::default()
    };
    form.values
        .insert("goal".into(), "Allergies reach the night shift".into());
    form.values
        .insert("stuck_on".into(), "Late admissions".into());
    Record::create(ActivityKind::ProblemSolving, &form, id, Timestamp(at)).expect("valid form")
}

fn with_comment(record: &Record, id: Id, by: &str, at: i64) -> Record {
    let mut record = record.clone();
    record.contributions.push(Contribution {
        id,
        author: by.into(),
        created: Timestamp(at),
        body: ContributionBody::Comment {
            text: format!("{by} was here"),
        },
    });
    record
}

fn retitled(record: &Record, title: &str) -> Record {
    Record {
        title: title.into(),
        ..record.clone()
    }
}

/// Every rule, on an empty repository; `ids` hands out fresh ids.
pub async fn every_rule(repo: &impl Repository, ids: &mut dyn FnMut() -> Id) {
    let original = problem(ids(), "Handover misses allergies", "handover", 1_000);
    let first = repo.save(&original, None).await.expect("new record");
    assert_eq!(first.rev.generation, 1);
    assert_eq!(first.conflicts, 0);
    let (read, version) = repo.get(original.id).await.expect("read").expect("stored");
    assert_eq!((read, version), (original.clone(), first.clone()));
    assert!(
        matches!(
            repo.save(&original, None).await,
            Err(StoreError::Changed { .. })
        ),
        "a new record may not take a stored one's id"
    );

    // An edit names its base; another edit of the same base is refused
    // and told what is stored now.
    let theirs = retitled(&original, "Theirs");
    let second = repo.save(&theirs, Some(&first.rev)).await.expect("current");
    assert_eq!(second.rev.generation, 2);
    match repo
        .save(&retitled(&original, "Mine"), Some(&first.rev))
        .await
    {
        Err(StoreError::Changed {
            current: Some(current),
            rev: Some(rev),
        }) => {
            assert_eq!(*current, theirs);
            assert_eq!(rev, second.rev);
        }
        other => panic!("a stale edit was not refused: {other:?}"),
    }
    assert_eq!(
        repo.get(original.id)
            .await
            .expect("read")
            .map(|(r, _)| r.title),
        Some("Theirs".into())
    );

    // Two tabs add a contribution to the version they both show: both
    // are kept, and neither makes a revision of the record's fields.
    let lee = with_comment(&theirs, ids(), "Lee", 2_000);
    let kim = with_comment(&theirs, ids(), "Kim", 3_000);
    repo.save(&lee, Some(&second.rev))
        .await
        .expect("a contribution only adds");
    let after = repo
        .save(&kim, Some(&second.rev))
        .await
        .expect("a contribution only adds");
    assert_eq!(
        after.rev, second.rev,
        "contributions make no revision of the record"
    );
    // One made on a version that moved on looks like an edit of it: it is
    // refused (the app takes the step again on the version stored now).
    assert!(matches!(
        repo.save(
            &with_comment(&original, ids(), "Sam", 2_500),
            Some(&first.rev)
        )
        .await,
        Err(StoreError::Changed { .. })
    ));
    let (shown, _) = repo.get(original.id).await.expect("read").expect("stored");
    assert_eq!(shown.title, "Theirs");
    let authors: Vec<&str> = shown
        .contributions
        .iter()
        .map(|c| c.author.as_str())
        .collect();
    assert_eq!(authors, ["Lee", "Kim"]);

    // Keeping both versions shows a conflict; resolving clears it.
    let kept = repo
        .keep_both(&retitled(&original, "Mine"), &first.rev)
        .await
        .expect("known base");
    assert_eq!(kept.conflicts, 1);
    let conflicts = repo.conflicts(original.id).await.expect("read");
    assert_eq!(conflicts.len(), 1);
    let (shown, version) = repo.get(original.id).await.expect("read").expect("stored");
    assert_eq!(version, kept);
    let mut titles = vec![shown.title.clone(), conflicts[0].1.title.clone()];
    titles.sort();
    assert_eq!(titles, ["Mine", "Theirs"]);
    assert_eq!(
        conflicts[0].1.contributions.len(),
        2,
        "each version has every contribution"
    );
    let resolved = repo
        .resolve(&retitled(&shown, "Both"), &version.rev)
        .await
        .expect("current");
    assert_eq!(resolved.conflicts, 0);
    assert!(repo.conflicts(original.id).await.expect("read").is_empty());

    // Deletion is a revision: the record leaves every list and count, a
    // stale delete is refused, and undo is a new revision.
    let other = problem(ids(), "Night shift rota", "rota", 500);
    repo.save(&other, None).await.expect("new record");
    assert_eq!(repo.count().await.expect("count"), 2);
    assert!(matches!(
        repo.delete(original.id, &first.rev).await,
        Err(StoreError::Changed { .. })
    ));
    let tombstone = repo
        .delete(original.id, &resolved.rev)
        .await
        .expect("current");
    assert_eq!(tombstone.rev.generation, resolved.rev.generation + 1);
    assert_eq!(repo.get(original.id).await.expect("read"), None);
    assert_eq!(repo.count().await.expect("count"), 1);
    assert_eq!(repo.all().await.expect("all"), vec![other.clone()]);
    assert!(
        matches!(
            repo.save(&shown, Some(&resolved.rev)).await,
            Err(StoreError::Changed {
                current: None,
                rev: Some(_)
            })
        ),
        "an edit of a deleted record is refused"
    );
    let back = repo
        .save(&retitled(&shown, "Both"), Some(&tombstone.rev))
        .await
        .expect("undo");
    assert_eq!(back.rev.generation, tombstone.rev.generation + 1);
    let (restored, _) = repo.get(original.id).await.expect("read").expect("back");
    assert_eq!(restored.title, "Both");
    assert_eq!(
        restored.contributions.len(),
        2,
        "contributions come back with it"
    );
    assert_eq!(repo.count().await.expect("count"), 2);
    assert_eq!(repo.all().await.expect("all").len(), 2);

    // A record that was never stored cannot be edited or deleted.
    let stranger = problem(ids(), "Nobody's", "", 1);
    assert!(matches!(
        repo.save(&stranger, Some(&first.rev)).await,
        Err(StoreError::Changed {
            current: None,
            rev: None
        })
    ));
    assert!(matches!(
        repo.delete(stranger.id, &first.rev).await,
        Err(StoreError::Changed {
            current: None,
            rev: None
        })
    ));
}

/// After each committed write, one batch names what changed; a refused
/// write tells nothing. Several records read at once come in the order
/// asked, with nothing for a record not shown.
pub async fn tells_what_changed(repo: &impl Repository, ids: &mut dyn FnMut() -> Id) {
    use repertoire::store::events::{Cause, ChangeBatch, DocRef, Origin};
    use std::cell::RefCell;
    use std::rc::Rc;
    let heard: Rc<RefCell<Vec<ChangeBatch>>> = Rc::default();
    let ear = heard.clone();
    let subscription = repo.subscribe(move |batch| ear.borrow_mut().push(batch.clone()));
    let kept = problem(ids(), "Kept", "", 1_000);
    let gone = problem(ids(), "Gone", "", 2_000);
    let first = repo.save(&kept, None).await.expect("saved");
    let second = repo.save(&gone, None).await.expect("saved");
    assert!(repo
        .save(&retitled(&kept, "Stale"), Some(&second.rev))
        .await
        .is_err());
    repo.delete(gone.id, &second.rev).await.expect("deleted");
    let told = |id| ChangeBatch {
        origin: Origin::ThisTab,
        cause: Cause::Edit,
        docs: vec![DocRef::Record(id)],
    };
    assert_eq!(
        *heard.borrow(),
        [told(kept.id), told(gone.id), told(gone.id)],
        "one batch per committed write, none for the refused one"
    );
    let never = ids();
    let found = repo
        .get_many(&[gone.id, kept.id, never])
        .await
        .expect("read");
    assert_eq!(
        found,
        [
            (gone.id, None),
            (kept.id, Some((kept.clone(), first))),
            (never, None)
        ]
    );
    drop(subscription);
    repo.save(
        &retitled(&kept, "Unheard"),
        Some(&repo.get(kept.id).await.expect("read").expect("shown").1.rev),
    )
    .await
    .expect("saved");
    assert_eq!(heard.borrow().len(), 3, "nothing is told once let go");
}

fn member(id: Id, name: &str) -> repertoire::domain::member::Member {
    repertoire::domain::member::Member {
        id,
        name: name.into(),
        level: repertoire::domain::member::ParticipationLevel::Active,
        knows: Vec::new(),
        learning: Vec::new(),
        joined: Timestamp(1),
    }
}

/// Members, rounds, answers and the profile follow the rules of records:
/// every save names the revision it edits, a stale one is refused, a
/// deletion is a tombstone, and two members' answers never conflict.
pub async fn kept_documents(repo: &impl Repository, ids: &mut dyn FnMut() -> Id) {
    use repertoire::domain::assessment::{Answer, Rating, Response, Round};
    use repertoire::domain::community::CommunityProfile;
    use repertoire::domain::member::Member;
    let ana = member(ids(), "Ana");
    let first = repo.put_kept(&ana, None).await.expect("new member");
    assert_eq!(first.generation, 1);
    assert!(
        matches!(
            repo.put_kept(&member(ana.id, "Someone else"), None).await,
            Err(StoreError::Outdated { rev: Some(_) })
        ),
        "a new member may not take a stored one's id"
    );
    let renamed = member(ana.id, "Ana B.");
    let second = repo
        .put_kept(&renamed, Some(&first))
        .await
        .expect("an edit of the version shown");
    assert_eq!(second.generation, 2);
    assert_eq!(
        repo.put_kept(&member(ana.id, "Ana C."), Some(&first)).await,
        Err(StoreError::Outdated {
            rev: Some(second.clone())
        }),
        "an edit of a version that moved on is refused, and says what is stored"
    );
    assert_eq!(
        repo.put_kept(&renamed, Some(&first)).await,
        Ok(second.clone()),
        "saving what is stored changes nothing"
    );

    let round = Round {
        id: ids(),
        date: "2026-11-30".into(),
        responses: Vec::new(),
    };
    repo.put_kept(&round, None).await.expect("round opened");
    let answer = |member: Id, rating: u8| Answer {
        round: round.id,
        response: Response {
            member,
            answers: vec![("d1".into(), Rating::Agreement(rating))],
        },
    };
    let ben = ids();
    repo.put_kept(&answer(ana.id, 4), None)
        .await
        .expect("Ana answers");
    repo.put_kept(&answer(ben, 2), None)
        .await
        .expect("Ben answers too");
    assert!(
        repo.put_kept(&answer(ben, 5), None).await.is_err(),
        "a second first answer of Ben's does not overwrite his first unseen"
    );
    let profile = CommunityProfile {
        name: "Night Shift Circle".into(),
        ..CommunityProfile::default()
    };
    repo.put_kept(&profile, None).await.expect("profile");

    let community = repo.community().await.expect("reads");
    assert_eq!(community.members, std::slice::from_ref(&renamed));
    assert_eq!(community.profile, Some(profile));
    let [shown] = community.rounds.as_slice() else {
        panic!("one round: {:?}", community.rounds);
    };
    let mut both = vec![answer(ana.id, 4).response, answer(ben, 2).response];
    both.sort_by_key(|r| r.member);
    assert_eq!(shown.responses, both, "both members' answers are kept");
    assert_eq!(
        repertoire::store::kept::rev_of(
            &community.revs,
            &repertoire::store::kept::rev_key::<Member>(&ana.id.to_string())
        ),
        Some(&second)
    );

    let tombstone = repo.delete_kept(&renamed, &second).await.expect("deleted");
    assert_eq!(tombstone.generation, 3);
    assert!(repo.community().await.expect("reads").members.is_empty());
    let docs = repo
        .all_kept::<Member>(&mut Vec::new())
        .await
        .expect("reads");
    assert!(
        docs.len() == 1 && docs[0].1.is_deleted(),
        "the deletion is kept, to reach other copies"
    );
    let community = repo.community().await.expect("reads");
    assert!(
        community
            .docs
            .iter()
            .any(|(name, doc)| *name == format!("members:{}", ana.id) && doc.is_deleted()),
        "the community's documents include the tombstone, for an export"
    );
    assert!(
        repo.put_kept(&renamed, None).await.is_err(),
        "a deleted member does not come back as new"
    );
}
