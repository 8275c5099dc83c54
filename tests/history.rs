#![cfg(not(target_arch = "wasm32"))]
//! The revision rules across copies: any sequence of edits, deletions,
//! undos, kept branches, resolutions and exchanges between three copies
//! ends with every copy showing the same winners and the same conflicts,
//! whatever the order in which they last meet, and no revision written on
//! any copy is lost on the way.

use proptest::prelude::*;
use repertoire::domain::history::{Doc, Rev};

const COPIES: usize = 3;
const DOCS: usize = 2;

#[derive(Clone, Debug)]
enum Op {
    Edit {
        copy: usize,
        doc: usize,
        text: u8,
    },
    Delete {
        copy: usize,
        doc: usize,
    },
    Undo {
        copy: usize,
        doc: usize,
    },
    /// An edit of the version before the one shown, kept beside it (what a
    /// member does who chose "keep both" after another tab saved).
    KeepBoth {
        copy: usize,
        doc: usize,
        text: u8,
    },
    Resolve {
        copy: usize,
        doc: usize,
        pick: usize,
    },
    Exchange {
        from: usize,
        to: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let copy = 0..COPIES;
    let doc = 0..DOCS;
    prop_oneof![
        3 => (copy.clone(), doc.clone(), any::<u8>()).prop_map(|(copy, doc, text)| Op::Edit { copy, doc, text }),
        1 => (copy.clone(), doc.clone()).prop_map(|(copy, doc)| Op::Delete { copy, doc }),
        1 => (copy.clone(), doc.clone()).prop_map(|(copy, doc)| Op::Undo { copy, doc }),
        1 => (copy.clone(), doc.clone(), any::<u8>()).prop_map(|(copy, doc, text)| Op::KeepBoth { copy, doc, text }),
        1 => (copy.clone(), doc.clone(), 0..3usize).prop_map(|(copy, doc, pick)| Op::Resolve { copy, doc, pick }),
        3 => (copy.clone(), copy).prop_map(|(from, to)| Op::Exchange { from, to }),
    ]
}

type Copy = Vec<Doc<String>>;

/// Applies one operation; every revision it writes is added to `written`.
fn apply(copies: &mut [Copy], op: &Op, written: &mut Vec<(usize, Rev)>) {
    match *op {
        Op::Edit { copy, doc, text } => {
            let d = &mut copies[copy][doc];
            if let Some(body) = d.body().cloned() {
                let rev = d.edit(&d.rev(), format!("{body}+{text}")).expect("current");
                written.push((doc, rev));
            }
        }
        Op::Delete { copy, doc } => {
            let d = &mut copies[copy][doc];
            if !d.is_deleted() {
                written.push((doc, d.delete(&d.rev()).expect("current")));
            }
        }
        Op::Undo { copy, doc } => {
            let d = &mut copies[copy][doc];
            if d.is_deleted() {
                let rev = d
                    .edit(&d.rev(), format!("back {}", d.rev()))
                    .expect("current");
                written.push((doc, rev));
            }
        }
        Op::KeepBoth { copy, doc, text } => {
            let d = &mut copies[copy][doc];
            let path = d.tree.path(&d.rev());
            if let Some(base) = path.get(1) {
                let rev = d.branch(base, format!("kept {text}")).expect("known base");
                written.push((doc, rev));
            }
        }
        Op::Resolve { copy, doc, pick } => {
            let d = &mut copies[copy][doc];
            let mut versions: Vec<String> =
                d.conflicts().into_iter().map(|(_, b)| b.clone()).collect();
            if versions.is_empty() {
                return;
            }
            versions.extend(d.body().cloned());
            let chosen = versions[pick % versions.len()].clone();
            written.push((doc, d.resolve(&d.rev(), chosen).expect("current")));
        }
        Op::Exchange { from, to } => exchange(copies, from, to),
    }
}

/// Copy `to` learns everything copy `from` knows.
fn exchange(copies: &mut [Copy], from: usize, to: usize) {
    let theirs = copies[from].clone();
    for (mine, theirs) in copies[to].iter_mut().zip(&theirs) {
        mine.merge(theirs);
    }
}

/// Everyone meets everyone, in the order given, twice over.
fn meet(mut copies: Vec<Copy>, order: &[(usize, usize)]) -> Vec<Copy> {
    for _ in 0..2 {
        for &(from, to) in order {
            exchange(&mut copies, from, to);
        }
    }
    copies
}

fn shown(doc: &Doc<String>) -> (Rev, Option<String>, Vec<(Rev, String)>) {
    let conflicts = doc
        .conflicts()
        .into_iter()
        .map(|(r, b)| (r, b.clone()))
        .collect();
    (doc.rev(), doc.body().cloned(), conflicts)
}

proptest! {
    #[test]
    fn copies_converge_whatever_the_order_of_exchange(ops in prop::collection::vec(op(), 0..60)) {
        let start: Copy = (0..DOCS).map(|n| Doc::new(format!("doc {n}"))).collect();
        let mut copies: Vec<Copy> = vec![start.clone(); COPIES];
        let mut written: Vec<(usize, Rev)> = start.iter().enumerate().map(|(n, d)| (n, d.rev())).collect();
        for op in &ops {
            apply(&mut copies, op, &mut written);
        }
        let forward = meet(copies.clone(), &[(0, 1), (1, 2), (2, 0)]);
        let backward = meet(copies, &[(2, 1), (1, 0), (0, 2)]);
        for doc in 0..DOCS {
            let seen = shown(&forward[0][doc]);
            for copy in 0..COPIES {
                prop_assert_eq!(&shown(&forward[copy][doc]), &seen);
                prop_assert_eq!(&shown(&backward[copy][doc]), &seen);
                prop_assert_eq!(&forward[copy][doc], &backward[copy][doc]);
            }
            // Nothing written anywhere is lost: every revision is still
            // known, and each live leaf still has its content.
            let tree = &forward[0][doc].tree;
            for (_, rev) in written.iter().filter(|(d, _)| *d == doc) {
                prop_assert!(tree.contains(rev), "revision {} lost", rev);
            }
            for (leaf, body) in forward[0][doc].leaves() {
                prop_assert_eq!(leaf.deleted, body.is_none());
            }
        }
    }
}

mod records {
    use repertoire::domain::history::RecordDoc;
    use repertoire::domain::{
        ActivityKind, Contribution, ContributionBody, IdSource, Record, RecordForm, SeededIds,
        Timestamp,
    };

    fn record(ids: &mut SeededIds) -> Record {
        let mut form = RecordForm {
            title: "Handover misses allergies".into(),
            author: "Ana".into(),
            ..RecordForm::default()
        };
        form.values
            .insert("goal".into(), "Allergies reach the night shift".into());
        form.values
            .insert("stuck_on".into(), "Late admissions".into());
        Record::create(
            ActivityKind::ProblemSolving,
            &form,
            ids.next_id(),
            Timestamp(1_000),
        )
        .expect("valid")
    }

    fn comment(ids: &mut SeededIds, by: &str, at: i64) -> Contribution {
        Contribution {
            id: ids.next_id(),
            author: by.into(),
            created: Timestamp(at),
            body: ContributionBody::Comment {
                text: format!("from {by}"),
            },
        }
    }

    fn retitled(record: &Record, title: &str) -> Record {
        Record {
            title: title.into(),
            ..record.clone()
        }
    }

    #[test]
    fn contributions_added_on_two_copies_never_conflict() {
        let mut ids = SeededIds::new(7);
        let original = record(&mut ids);
        let mut here = RecordDoc::new(&original);
        let mut there = here.clone();
        let mut ours = original.clone();
        ours.contributions.push(comment(&mut ids, "Lee", 2_000));
        let mut theirs = original.clone();
        theirs.contributions.push(comment(&mut ids, "Kim", 1_500));
        let rev = here.rev();
        assert_eq!(
            here.save(&rev, &ours),
            Ok(None),
            "fields unchanged: no new revision"
        );
        there.save(&rev, &theirs).expect("current");
        here.merge(&there);
        there.merge(&here);
        assert_eq!(here, there);
        assert!(here.conflicts().is_empty());
        let shown = here.shown().expect("live");
        let authors: Vec<&str> = shown
            .contributions
            .iter()
            .map(|c| c.author.as_str())
            .collect();
        assert_eq!(authors, ["Kim", "Lee"], "oldest first");
    }

    #[test]
    fn an_edit_of_a_version_that_moved_on_is_refused_but_contributions_are_kept() {
        let mut ids = SeededIds::new(8);
        let original = record(&mut ids);
        let mut doc = RecordDoc::new(&original);
        let seen = doc.rev();
        doc.save(&seen, &retitled(&original, "Theirs"))
            .expect("current");
        assert!(doc.save(&seen, &retitled(&original, "Mine")).is_err());
        assert_eq!(doc.shown().expect("live").title, "Theirs");
        // A contribution made from the old version only adds.
        let mut with_comment = original.clone();
        with_comment.title = "Theirs".into();
        with_comment
            .contributions
            .push(comment(&mut ids, "Lee", 3_000));
        assert_eq!(doc.save(&seen, &with_comment), Ok(None));
        assert_eq!(doc.shown().expect("live").contributions.len(), 1);
    }

    #[test]
    fn keeping_both_shows_a_conflict_that_resolving_clears() {
        let mut ids = SeededIds::new(9);
        let original = record(&mut ids);
        let mut doc = RecordDoc::new(&original);
        let seen = doc.rev();
        doc.save(&seen, &retitled(&original, "Theirs"))
            .expect("current");
        doc.keep_both(&seen, &retitled(&original, "Mine"))
            .expect("known base");
        let mut titles: Vec<String> = doc.conflicts().into_iter().map(|(_, r)| r.title).collect();
        titles.push(doc.shown().expect("live").title);
        titles.sort();
        assert_eq!(titles, ["Mine", "Theirs"]);
        let shown = doc.rev();
        doc.resolve(&shown, &retitled(&original, "Both"))
            .expect("current");
        assert!(doc.conflicts().is_empty());
        assert_eq!(doc.shown().expect("live").title, "Both");
    }

    #[test]
    fn history_and_record_shown_give_the_document_back() {
        let mut ids = SeededIds::new(10);
        let mut original = record(&mut ids);
        original.contributions.push(comment(&mut ids, "Lee", 2_000));
        let mut doc = RecordDoc::new(&original);
        let seen = doc.rev();
        doc.save(&seen, &retitled(&original, "Theirs"))
            .expect("current");
        doc.keep_both(&seen, &retitled(&original, "Mine"))
            .expect("known base");
        let shown = doc.shown().expect("live");
        let json = serde_json::to_string(&doc.history()).expect("serializes");
        let back = RecordDoc::from_parts(serde_json::from_str(&json).expect("reads"), &shown);
        assert_eq!(back.as_ref(), Some(&doc));
        // Deleted: the version deleted is kept beside the tombstone.
        let rev = doc.rev();
        doc.delete(&rev).expect("current");
        assert_eq!(doc.shown(), None);
        let back = RecordDoc::from_parts(doc.history(), &shown);
        assert_eq!(back.as_ref(), Some(&doc));
    }
}

mod rebase {
    use repertoire::domain::record::changed_keys;
    use repertoire::domain::RecordForm;

    fn form(title: &str, goal: &str, stuck: &str) -> RecordForm {
        let mut form = RecordForm {
            title: title.into(),
            author: "Ana".into(),
            ..RecordForm::default()
        };
        form.values.insert("goal".into(), goal.into());
        form.values.insert("stuck_on".into(), stuck.into());
        form
    }

    #[test]
    fn my_changes_go_on_top_of_theirs_field_by_field() {
        let base = form("T", "goal", "stuck");
        // Another tab changed where we are stuck; this one the goal.
        let theirs = form("T", "goal", "stuck at night");
        let mine = form("T", "better goal", "stuck");
        let merged = RecordForm::rebase(&base, &mine, &theirs);
        assert_eq!(merged, form("T", "better goal", "stuck at night"));
        assert_eq!(changed_keys(&base, &theirs), ["stuck_on"]);
        assert_eq!(changed_keys(&base, &mine), ["goal"]);
    }

    #[test]
    fn on_the_same_field_mine_is_applied_over_theirs() {
        let base = form("T", "goal", "stuck");
        let theirs = form("Their title", "their goal", "stuck");
        let mine = form("T", "my goal", "stuck");
        let merged = RecordForm::rebase(&base, &mine, &theirs);
        assert_eq!(merged, form("Their title", "my goal", "stuck"));
    }
}
