//! A document with its history: the revision tree and the content of each
//! live leaf. Every change names the revision it starts from; the rules
//! here decide what a change may do and which version every copy shows.

use super::rev::Rev;
use super::tree::{Leaf, RevTree, REVS_LIMIT};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A change started from a revision that is no longer the one shown: the
/// document moved on meanwhile (another tab, an import, a sync).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale {
    /// The revision shown now.
    pub current: Rev,
}

impl fmt::Display for Stale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "it changed meanwhile (now revision {})", self.current)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doc<T> {
    pub tree: RevTree,
    /// The content of each live leaf, sorted by revision. Tombstones and
    /// revisions that were built on keep no content, as in CouchDB after
    /// compaction.
    bodies: Vec<(Rev, T)>,
}

impl<T: Serialize + Clone> Doc<T> {
    /// A new document: its first revision.
    pub fn new(body: T) -> Doc<T> {
        let rev = Rev::next(None, Some(&body));
        let mut tree = RevTree::default();
        tree.insert(std::slice::from_ref(&rev), false);
        Doc {
            tree,
            bodies: vec![(rev, body)],
        }
    }

    /// A document from its tree and the content of its live leaves; `None`
    /// when a live leaf has no content or a content names no live leaf.
    pub fn from_tree(tree: RevTree, mut bodies: Vec<(Rev, T)>) -> Option<Doc<T>> {
        crate::domain::sorting::sort_by(&mut bodies, |a, b| a.0.cmp(&b.0));
        let doc = Doc { tree, bodies };
        doc.is_whole().then_some(doc)
    }

    /// Whether the content kept is that of the live leaves, each once, in
    /// order: what `from_tree` makes sure of, for a document read whole.
    pub fn is_whole(&self) -> bool {
        let leaves = self.tree.leaves();
        let live = leaves.iter().filter(|l| !l.deleted).count();
        self.bodies.len() == live
            && self.bodies.windows(2).all(|w| w[0].0 < w[1].0)
            && self
                .bodies
                .iter()
                .all(|(rev, _)| leaves.iter().any(|l| l.rev == *rev && !l.deleted))
    }

    /// The document showing `body` as its winner's content: a content
    /// changed outside Repertoire (a file edited by hand) becomes an edit
    /// of the winner (`adopt_outside_edit`).
    pub fn showing(mut self, body: T) -> Doc<T> {
        let winner = self.rev();
        if let Ok(at) = self.bodies.binary_search_by(|(r, _)| r.cmp(&winner)) {
            self.bodies[at].1 = body;
            self.adopt_outside_edit();
        }
        self
    }

    /// The leaf every copy shows.
    pub fn winner(&self) -> Leaf {
        // A document always has a leaf: it is made with one, and no change
        // removes revisions without adding one.
        self.tree.winner().unwrap_or_else(|| Leaf {
            rev: Rev {
                generation: 0,
                hash: String::new(),
            },
            deleted: true,
        })
    }

    pub fn rev(&self) -> Rev {
        self.winner().rev
    }

    /// The winner's content; `None` when the document is deleted.
    pub fn body(&self) -> Option<&T> {
        let winner = self.winner();
        if winner.deleted {
            None
        } else {
            self.body_of(&winner.rev)
        }
    }

    pub fn is_deleted(&self) -> bool {
        self.winner().deleted
    }

    pub fn body_of(&self, rev: &Rev) -> Option<&T> {
        self.bodies
            .binary_search_by(|(r, _)| r.cmp(rev))
            .ok()
            .map(|at| &self.bodies[at].1)
    }

    /// The live leaves that lost to the winner: versions made on other
    /// copies (or kept on purpose) that members have not reconciled yet.
    /// Deleted losers are not conflicts, as in CouchDB.
    pub fn conflicts(&self) -> Vec<(Rev, &T)> {
        self.tree
            .leaves()
            .into_iter()
            .skip(1)
            .filter(|leaf| !leaf.deleted)
            .filter_map(|leaf| self.body_of(&leaf.rev).map(|body| (leaf.rev, body)))
            .collect()
    }

    fn check_base(&self, base: &Rev) -> Result<(), Stale> {
        let current = self.rev();
        if current == *base {
            Ok(())
        } else {
            Err(Stale { current })
        }
    }

    /// Adds a revision on `base` (which must be in the tree).
    fn grow(&mut self, base: &Rev, body: Option<T>) -> Rev {
        let rev = Rev::next(Some(base), body.as_ref());
        self.tree
            .insert(&[rev.clone(), base.clone()], body.is_none());
        if let Some(body) = body {
            self.put_body(rev.clone(), body);
        }
        self.compact();
        rev
    }

    fn put_body(&mut self, rev: Rev, body: T) {
        if let Err(at) = self.bodies.binary_search_by(|(r, _)| r.cmp(&rev)) {
            self.bodies.insert(at, (rev, body));
        }
    }

    /// Keeps the content of live leaves only, and the ancestry within the
    /// limit.
    fn compact(&mut self) {
        self.tree.stem(REVS_LIMIT);
        let tree = &self.tree;
        self.bodies.retain(|(rev, _)| tree.is_leaf(rev));
    }

    /// A member's edit of the version they saw (`base`). Refused when the
    /// document moved on meanwhile: nothing is written over a version the
    /// member has not seen.
    pub fn edit(&mut self, base: &Rev, body: T) -> Result<Rev, Stale> {
        self.check_base(base)?;
        Ok(self.grow(base, Some(body)))
    }

    /// A deletion is a revision (a tombstone), so it reaches other copies.
    pub fn delete(&mut self, base: &Rev) -> Result<Rev, Stale> {
        self.check_base(base)?;
        Ok(self.grow(base, None))
    }

    /// Keeps a version beside the one shown: a member's edit of a version
    /// that moved on, written as its own branch, so both are kept and the
    /// document shows a conflict to resolve. `None` when `base` is unknown.
    pub fn branch(&mut self, base: &Rev, body: T) -> Option<Rev> {
        self.tree
            .contains(base)
            .then(|| self.grow(base, Some(body)))
    }

    /// Reconciles a conflict: `body` becomes a revision on the winner the
    /// member saw, and every other live leaf is closed by a tombstone.
    pub fn resolve(&mut self, base: &Rev, body: T) -> Result<Rev, Stale> {
        self.check_base(base)?;
        self.close_conflicts();
        Ok(self.grow(base, Some(body)))
    }

    /// Deletes the document as members mean it: the version shown and
    /// every conflicting one, so that no other version takes its place.
    pub fn delete_all(&mut self, base: &Rev) -> Result<Rev, Stale> {
        self.check_base(base)?;
        self.close_conflicts();
        Ok(self.grow(base, None))
    }

    fn close_conflicts(&mut self) {
        let losers: Vec<Rev> = self.conflicts().into_iter().map(|(rev, _)| rev).collect();
        for loser in losers {
            self.grow(&loser, None);
        }
    }

    /// Everything another copy of this document knows, added to this one.
    /// Whether anything was new.
    pub fn merge(&mut self, other: &Doc<T>) -> bool {
        let changed = self.tree.merge(&other.tree);
        for (rev, body) in &other.bodies {
            self.put_body(rev.clone(), body.clone());
        }
        self.compact();
        changed
    }

    /// Whether the version shown is the content its revision was made
    /// for. A file edited by hand changes a document's text without a new
    /// revision; such a change is made one here (on top of the revision
    /// it edited), deterministically, so every copy reading the file
    /// makes the same. Versions whose parent was forgotten cannot be
    /// checked and are taken as they are.
    pub fn adopt_outside_edit(&mut self) {
        let winner = self.winner();
        let Some(body) = self.body().cloned() else {
            return;
        };
        let path = self.tree.path(&winner.rev);
        let parent = match (path.get(1), winner.rev.generation) {
            (Some(parent), _) => Some(parent),
            (None, 1) => None,
            (None, _) => return,
        };
        if Rev::next(parent, Some(&body)) != winner.rev {
            // The winner is shown: an edit of it always applies.
            let _ = self.edit(&winner.rev, body);
        }
    }

    /// Every leaf with its content, the winner first (tombstones have none).
    pub fn leaves(&self) -> Vec<(Leaf, Option<&T>)> {
        self.tree
            .leaves()
            .into_iter()
            .map(|leaf| {
                let body = self.body_of(&leaf.rev);
                (leaf, body)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_name_the_revision_they_start_from() {
        let mut doc = Doc::new("a".to_owned());
        let first = doc.rev();
        let second = doc.edit(&first, "b".into()).expect("current");
        assert_eq!(second.generation, 2);
        assert_eq!(doc.body().map(String::as_str), Some("b"));
        assert_eq!(
            doc.edit(&first, "c".into()),
            Err(Stale {
                current: second.clone()
            })
        );
        assert_eq!(
            doc.body().map(String::as_str),
            Some("b"),
            "not written over"
        );
        assert_eq!(doc.body_of(&first), None, "compacted");
    }

    #[test]
    fn a_branch_keeps_both_versions_as_a_conflict() {
        let mut doc = Doc::new("a".to_owned());
        let first = doc.rev();
        doc.edit(&first, "theirs".into()).expect("current");
        doc.branch(&first, "mine".into()).expect("known base");
        let shown = doc.body().cloned().expect("live");
        let conflicts: Vec<String> = doc
            .conflicts()
            .into_iter()
            .map(|(_, b)| b.clone())
            .collect();
        let mut all = vec![shown, conflicts[0].clone()];
        all.sort();
        assert_eq!(all, ["mine", "theirs"]);
        assert_eq!(conflicts.len(), 1);
    }

    #[test]
    fn resolving_writes_one_revision_and_closes_the_others() {
        let mut doc = Doc::new("a".to_owned());
        let first = doc.rev();
        doc.edit(&first, "theirs".into()).expect("current");
        doc.branch(&first, "mine".into()).expect("known base");
        let shown = doc.rev();
        doc.resolve(&shown, "both".into()).expect("current");
        assert_eq!(doc.body().map(String::as_str), Some("both"));
        assert!(doc.conflicts().is_empty());
        assert_eq!(doc.rev().generation, 3);
    }

    #[test]
    fn deletion_is_a_revision_and_undo_another() {
        let mut doc = Doc::new("a".to_owned());
        let tomb = doc.delete(&doc.rev()).expect("current");
        assert!(doc.is_deleted());
        assert_eq!(doc.body(), None);
        let back = doc.edit(&tomb, "a".into()).expect("the tombstone is shown");
        assert_eq!(back.generation, 3);
        assert!(!doc.is_deleted());
    }

    #[test]
    fn an_edit_elsewhere_outlives_a_deletion_here() {
        let mut here = Doc::new("a".to_owned());
        let mut there = here.clone();
        here.delete(&here.rev()).expect("current");
        there.edit(&there.rev(), "kept".into()).expect("current");
        here.merge(&there);
        assert_eq!(here.body().map(String::as_str), Some("kept"));
        assert!(
            here.conflicts().is_empty(),
            "a deleted loser is no conflict"
        );
    }

    #[test]
    fn the_same_change_on_two_copies_is_one_revision() {
        let mut here = Doc::new("a".to_owned());
        let mut there = here.clone();
        here.edit(&here.rev(), "b".into()).expect("current");
        there.edit(&there.rev(), "b".into()).expect("current");
        assert!(!here.merge(&there));
        assert!(here.conflicts().is_empty());
    }

    #[test]
    fn a_document_round_trips_through_json() {
        let mut doc = Doc::new("a".to_owned());
        doc.branch(&doc.rev(), "b".into()).expect("known");
        doc.branch(&doc.tree.path(&doc.rev())[1], "c".into())
            .expect("known");
        let json = serde_json::to_string(&doc).expect("serializes");
        let back: Doc<String> = serde_json::from_str(&json).expect("reads");
        assert_eq!(back, doc);
    }
}
