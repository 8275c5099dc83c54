//! A document's revision tree, as CouchDB keeps it: every revision known
//! here with its parent, the leaves (revisions nothing was built on), the
//! winner among them, and the ancestry of each leaf up to a limit.
//!
//! The tree is a set of nodes, so merging two trees is their union: the
//! same on every copy whatever the order in which copies meet.

use super::rev::Rev;
use crate::domain::sorting::sort_by;
use serde::{Deserialize, Serialize};

/// How many revisions of each leaf's ancestry are kept (CouchDB's and
/// PouchDB's default `revs_limit`). Older ones are forgotten: their
/// content was dropped long before, only their names would remain.
pub const REVS_LIMIT: usize = 1_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Node {
    #[serde(rename = "r")]
    rev: Rev,
    /// `None` for the first revision, or where older ones were forgotten.
    #[serde(rename = "p")]
    parent: Option<Rev>,
    /// A deletion (a tombstone): meaningful for a leaf.
    #[serde(rename = "d", default, skip_serializing_if = "is_false")]
    deleted: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Sorted by revision, each revision once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RevTree {
    nodes: Vec<Node>,
}

/// A leaf of the tree: a revision nothing was built on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leaf {
    pub rev: Rev,
    pub deleted: bool,
}

impl Leaf {
    /// CouchDB's winner rule, as a key to take the greatest of: a live
    /// leaf before a deleted one, then the highest generation, then the
    /// highest hash. No clock takes part.
    fn rank(&self) -> (bool, &Rev) {
        (!self.deleted, &self.rev)
    }
}

/// A revision's ancestry in CouchDB's `_revisions` shape: the generation of
/// the first and the hashes, newest first, each one generation older.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revisions {
    pub start: u64,
    pub ids: Vec<String>,
}

impl Revisions {
    /// The revisions, newest first; `None` when the ancestry could not be
    /// (no ids, more generations than the start, a malformed hash).
    pub fn path(&self) -> Option<Vec<Rev>> {
        if self.ids.is_empty() || self.ids.len() as u64 > self.start {
            return None;
        }
        self.ids
            .iter()
            .zip(0..)
            .map(|(hash, back)| Rev::parse(&format!("{}-{hash}", self.start - back)))
            .collect()
    }

    fn of(path: &[Rev]) -> Revisions {
        Revisions {
            start: path.first().map_or(0, |r| r.generation),
            ids: path.iter().map(|r| r.hash.clone()).collect(),
        }
    }
}

impl RevTree {
    fn find(&self, rev: &Rev) -> Result<usize, usize> {
        self.nodes.binary_search_by(|node| node.rev.cmp(rev))
    }

    pub fn contains(&self, rev: &Rev) -> bool {
        self.find(rev).is_ok()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// How many revisions the tree knows.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Adds a path of revisions, newest first, each the parent of the one
    /// before (as `Revisions::path` gives them); the newest is a deletion
    /// when `deleted`. A revision known without its parent (forgotten
    /// beyond the limit) gets it back. Whether anything was new.
    pub fn insert(&mut self, path: &[Rev], deleted: bool) -> bool {
        let mut changed = false;
        for (at, rev) in path.iter().enumerate() {
            let parent = path.get(at + 1).cloned();
            changed |= self.add(Node {
                rev: rev.clone(),
                parent,
                deleted: deleted && at == 0,
            });
        }
        changed
    }

    fn add(&mut self, node: Node) -> bool {
        match self.find(&node.rev) {
            Ok(at) => {
                let known = &mut self.nodes[at];
                if known.parent.is_none() && node.parent.is_some() {
                    known.parent = node.parent;
                    return true;
                }
                false
            }
            Err(at) => {
                self.nodes.insert(at, node);
                true
            }
        }
    }

    /// Everything `other` knows, added to this tree. Whether anything was new.
    pub fn merge(&mut self, other: &RevTree) -> bool {
        let mut changed = false;
        for node in &other.nodes {
            changed |= self.add(node.clone());
        }
        changed
    }

    /// Every leaf, the winner first, then the others in the winner rule's
    /// order.
    pub fn leaves(&self) -> Vec<Leaf> {
        let mut parents: Vec<&Rev> = self
            .nodes
            .iter()
            .filter_map(|n| n.parent.as_ref())
            .collect();
        sort_by(&mut parents, |a, b| a.cmp(b));
        let mut leaves: Vec<Leaf> = self
            .nodes
            .iter()
            .filter(|n| parents.binary_search(&&n.rev).is_err())
            .map(|n| Leaf {
                rev: n.rev.clone(),
                deleted: n.deleted,
            })
            .collect();
        sort_by(&mut leaves, |a, b| b.rank().cmp(&a.rank()));
        leaves
    }

    /// The leaf every copy shows, whatever the order copies met in.
    pub fn winner(&self) -> Option<Leaf> {
        self.leaves().into_iter().next()
    }

    pub fn is_leaf(&self, rev: &Rev) -> bool {
        self.contains(rev) && self.nodes.iter().all(|n| n.parent.as_ref() != Some(rev))
    }

    /// `rev` and the revisions it was built on, newest first, as far back
    /// as this tree knows them.
    pub fn path(&self, rev: &Rev) -> Vec<Rev> {
        let mut path = Vec::new();
        let mut next = self.find(rev).ok();
        while let Some(at) = next {
            let node = &self.nodes[at];
            path.push(node.rev.clone());
            // A well-formed parent is one generation older; a cycle is not.
            next = node
                .parent
                .as_ref()
                .filter(|p| p.generation < node.rev.generation)
                .and_then(|p| self.find(p).ok());
        }
        path
    }

    /// A leaf's ancestry as CouchDB's `_revisions`.
    pub fn revisions(&self, rev: &Rev) -> Revisions {
        Revisions::of(&self.path(rev))
    }

    /// Keeps `limit` revisions of each leaf's ancestry, the leaf included,
    /// and forgets the rest. A revision within the limit of any leaf stays.
    pub fn stem(&mut self, limit: usize) {
        let mut kept: Vec<Rev> = Vec::new();
        for leaf in self.leaves() {
            kept.extend(self.path(&leaf.rev).into_iter().take(limit.max(1)));
        }
        sort_by(&mut kept, |a, b| a.cmp(b));
        kept.dedup();
        if kept.len() == self.nodes.len() {
            return;
        }
        self.nodes.retain(|n| kept.binary_search(&n.rev).is_ok());
        let known: Vec<Rev> = self.nodes.iter().map(|n| n.rev.clone()).collect();
        for node in &mut self.nodes {
            if node
                .parent
                .as_ref()
                .is_some_and(|p| known.binary_search(p).is_err())
            {
                node.parent = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rev(text: &str) -> Rev {
        Rev::parse(text).expect("valid revision")
    }

    fn path(texts: &[&str]) -> Vec<Rev> {
        texts.iter().map(|t| rev(t)).collect()
    }

    fn leaf_names(tree: &RevTree) -> Vec<String> {
        tree.leaves().iter().map(|l| l.rev.to_string()).collect()
    }

    #[test]
    fn one_line_of_edits_has_one_leaf() {
        let mut tree = RevTree::default();
        assert!(tree.insert(&path(&["3-c", "2-b", "1-a"]), false));
        assert_eq!(leaf_names(&tree), ["3-c"]);
        assert_eq!(tree.path(&rev("3-c")), path(&["3-c", "2-b", "1-a"]));
        assert_eq!(
            tree.revisions(&rev("3-c")),
            Revisions {
                start: 3,
                ids: vec!["c".into(), "b".into(), "a".into()]
            }
        );
        assert!(tree.is_leaf(&rev("3-c")) && !tree.is_leaf(&rev("2-b")));
    }

    #[test]
    fn merging_a_branch_into_a_tree_makes_a_second_leaf() {
        let mut tree = RevTree::default();
        tree.insert(&path(&["3-c", "2-b", "1-a"]), false);
        assert!(tree.insert(&path(&["3-x", "2-b", "1-a"]), false));
        assert_eq!(leaf_names(&tree), ["3-x", "3-c"], "highest hash wins");
        assert!(tree.insert(&path(&["4-d", "3-c"]), false));
        assert_eq!(leaf_names(&tree), ["4-d", "3-x"], "highest generation wins");
    }

    #[test]
    fn a_live_leaf_wins_over_a_deleted_one_of_any_generation() {
        let mut tree = RevTree::default();
        tree.insert(&path(&["2-b", "1-a"]), false);
        tree.insert(&path(&["5-z", "4-y", "3-x", "2-w", "1-a"]), true);
        let winner = tree.winner().expect("a leaf");
        assert_eq!(winner.rev, rev("2-b"));
        assert!(!winner.deleted);
        // Once every leaf is deleted, the highest deleted one wins.
        tree.insert(&path(&["3-c", "2-b"]), true);
        let winner = tree.winner().expect("a leaf");
        assert_eq!((winner.rev, winner.deleted), (rev("5-z"), true));
    }

    #[test]
    fn the_same_revision_arriving_twice_changes_nothing() {
        let mut tree = RevTree::default();
        tree.insert(&path(&["2-b", "1-a"]), false);
        let before = tree.clone();
        assert!(!tree.insert(&path(&["2-b", "1-a"]), false));
        assert!(!tree.insert(&path(&["1-a"]), false));
        assert!(!tree.merge(&before));
        assert_eq!(tree, before);
    }

    #[test]
    fn stemming_keeps_the_limit_of_each_leaf_and_forgets_the_rest() {
        let mut tree = RevTree::default();
        tree.insert(&path(&["5-e", "4-d", "3-c", "2-b", "1-a"]), false);
        tree.insert(&path(&["3-x", "2-b"]), false);
        tree.stem(2);
        assert_eq!(leaf_names(&tree), ["5-e", "3-x"]);
        assert_eq!(tree.path(&rev("5-e")), path(&["5-e", "4-d"]));
        assert_eq!(tree.path(&rev("3-x")), path(&["3-x", "2-b"]));
        assert!(!tree.contains(&rev("3-c")) && !tree.contains(&rev("1-a")));
        // The forgotten parent comes back with a longer ancestry.
        tree.insert(&path(&["2-b", "1-a"]), false);
        assert_eq!(tree.path(&rev("3-x")), path(&["3-x", "2-b", "1-a"]));
    }

    #[test]
    fn stemming_within_the_limit_changes_nothing() {
        let mut tree = RevTree::default();
        tree.insert(&path(&["3-c", "2-b", "1-a"]), false);
        let before = tree.clone();
        tree.stem(REVS_LIMIT);
        assert_eq!(tree, before);
    }

    #[test]
    fn revisions_turn_into_paths_and_refuse_nonsense() {
        let good = Revisions {
            start: 3,
            ids: vec!["c".into(), "b".into()],
        };
        assert_eq!(good.path(), Some(path(&["3-c", "2-b"])));
        for bad in [
            Revisions {
                start: 1,
                ids: vec!["b".into(), "a".into()],
            },
            Revisions {
                start: 2,
                ids: vec![],
            },
            Revisions {
                start: 2,
                ids: vec!["no way".into()],
            },
        ] {
            assert_eq!(bad.path(), None, "{bad:?}");
        }
    }

    #[test]
    fn merged_trees_agree_whatever_the_order() {
        let mut a = RevTree::default();
        a.insert(&path(&["3-c", "2-b", "1-a"]), false);
        let mut b = RevTree::default();
        b.insert(&path(&["2-y", "1-a"]), true);
        let mut c = RevTree::default();
        c.insert(&path(&["4-q", "3-c"]), false);
        let mut abc = a.clone();
        abc.merge(&b);
        abc.merge(&c);
        let mut cba = c.clone();
        cba.merge(&b);
        cba.merge(&a);
        assert_eq!(abc, cba);
        assert_eq!(leaf_names(&abc), ["4-q", "2-y"]);
    }
}
