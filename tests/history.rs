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
