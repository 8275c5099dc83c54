//! A record and its history. The record's own fields are one document;
//! each contribution is a document of its own that names the record, so
//! two members adding ideas or answers at once never conflict: a record's
//! fields can conflict, its conversation only grows.

use super::doc::{Doc, Stale};
use super::rev::Rev;
use super::tree::Leaf;
use crate::domain::{Contribution, Id, Record};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordDoc {
    pub id: Id,
    /// The record's fields; every version's contributions are empty.
    pub fields: Doc<Record>,
    /// Every contribution with its revision, oldest first.
    pub contributions: Vec<(Rev, Contribution)>,
}

fn fields_of(record: &Record) -> Record {
    Record {
        contributions: Vec::new(),
        ..record.clone()
    }
}

fn contribution_rev(contribution: &Contribution) -> Rev {
    Rev::next(None, Some(contribution))
}

/// The history as a row keeps it beside the record shown (see `store::row`):
/// the tree, the other live versions, each contribution's revision.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    #[serde(rename = "t")]
    pub tree: super::tree::RevTree,
    /// Live versions other than the one shown (conflicts), fields only.
    #[serde(rename = "o", default, skip_serializing_if = "Vec::is_empty")]
    pub others: Vec<(Rev, Record)>,
    #[serde(rename = "c", default, skip_serializing_if = "Vec::is_empty")]
    pub contributions: Vec<(Id, Rev)>,
}

impl RecordDoc {
    /// A new record: its first revision. A record kept before revisions
    /// were stored gets the same: derived from its content, so every copy
    /// of it derives the same one.
    pub fn new(record: &Record) -> RecordDoc {
        RecordDoc {
            id: record.id,
            fields: Doc::new(fields_of(record)),
            contributions: record
                .contributions
                .iter()
                .map(|c| (contribution_rev(c), c.clone()))
                .collect(),
        }
    }

    /// The record as shown: the winning fields with every contribution.
    /// For a deleted record, `None`.
    pub fn shown(&self) -> Option<Record> {
        self.fields
            .body()
            .map(|fields| self.with_contributions(fields))
    }

    fn with_contributions(&self, fields: &Record) -> Record {
        Record {
            contributions: self.contributions.iter().map(|(_, c)| c.clone()).collect(),
            ..fields.clone()
        }
    }

    pub fn rev(&self) -> Rev {
        self.fields.rev()
    }

    pub fn is_deleted(&self) -> bool {
        self.fields.is_deleted()
    }

    /// The versions that lost to the one shown, each with every
    /// contribution.
    pub fn conflicts(&self) -> Vec<(Rev, Record)> {
        self.fields
            .conflicts()
            .into_iter()
            .map(|(rev, fields)| (rev, self.with_contributions(fields)))
            .collect()
    }

    /// Adds the contributions not held yet. Whether any was new.
    fn gather<'a>(&mut self, contributions: impl Iterator<Item = &'a Contribution>) -> bool {
        let before = self.contributions.len();
        for contribution in contributions {
            if self
                .contributions
                .iter()
                .all(|(_, c)| c.id != contribution.id)
            {
                self.contributions
                    .push((contribution_rev(contribution), contribution.clone()));
            }
        }
        let gained = self.contributions.len() > before;
        if gained {
            crate::domain::sorting::sort_by(&mut self.contributions, |a, b| {
                a.1.created.cmp(&b.1.created)
            });
        }
        gained
    }

    /// Saves a member's version of the record, made from the version of
    /// revision `base`. A version whose fields are those shown only adds
    /// its new contributions, whatever its base; changed fields are
    /// written only over the version the member saw: when the record moved
    /// on meanwhile, nothing is written. The new revision, or `None` when
    /// the fields did not change.
    pub fn save(&mut self, base: &Rev, record: &Record) -> Result<Option<Rev>, Stale> {
        let fields = fields_of(record);
        let unchanged = self.fields.body() == Some(&fields);
        if !unchanged && self.rev() != *base {
            return Err(Stale {
                current: self.rev(),
            });
        }
        self.gather(record.contributions.iter());
        if unchanged {
            return Ok(None);
        }
        let current = self.rev();
        self.fields.edit(&current, fields).map(Some)
    }

    /// Keeps a member's version beside the one shown, as a conflict to
    /// resolve: what "keep both" writes. `None` when `base` is unknown.
    pub fn keep_both(&mut self, base: &Rev, record: &Record) -> Option<Rev> {
        let rev = self.fields.branch(base, fields_of(record))?;
        self.gather(record.contributions.iter());
        Some(rev)
    }

    /// Deletes the record, every conflicting version with it.
    pub fn delete(&mut self, base: &Rev) -> Result<Rev, Stale> {
        self.fields.delete_all(base)?;
        // The tombstone shown may be a conflict's, when it is the greater.
        Ok(self.rev())
    }

    /// One version for all: the fields chosen (from one version or from
    /// several) written on the version shown, the others closed.
    pub fn resolve(&mut self, base: &Rev, record: &Record) -> Result<Rev, Stale> {
        let rev = self.fields.resolve(base, fields_of(record))?;
        self.gather(record.contributions.iter());
        Ok(rev)
    }

    /// Everything another copy knows of this record. Whether anything was new.
    pub fn merge(&mut self, other: &RecordDoc) -> bool {
        let fields = self.fields.merge(&other.fields);
        let contributions = self.gather(other.contributions.iter().map(|(_, c)| c));
        fields || contributions
    }

    /// A change made to the file by hand, made a revision (`Doc`).
    pub fn adopt_outside_edit(&mut self) {
        self.fields.adopt_outside_edit();
    }

    /// The history, without the record shown (kept beside it).
    pub fn history(&self) -> History {
        let others = self
            .fields
            .leaves()
            .into_iter()
            .skip(1)
            .filter_map(|(leaf, body)| body.map(|b| (leaf.rev, b.clone())))
            .collect();
        History {
            tree: self.fields.tree.clone(),
            others,
            contributions: self
                .contributions
                .iter()
                .map(|(rev, c)| (c.id, rev.clone()))
                .collect(),
        }
    }

    /// The record back from its history and the record last shown (the
    /// winner's fields, or for a deleted record the version deleted, and
    /// the contributions either way). `None` when they do not fit
    /// together.
    pub fn from_parts(history: History, shown: &Record) -> Option<RecordDoc> {
        Self::from_history(shown.id, history, Some(shown))
    }

    /// The record back from its history; `shown` is the record shown (for
    /// a deleted one, the version deleted, or `None` when it is not
    /// known: a deletion that came from another copy). `None` when they
    /// do not fit together.
    pub fn from_history(id: Id, history: History, shown: Option<&Record>) -> Option<RecordDoc> {
        let winner: Leaf = history.tree.winner()?;
        let mut bodies = history.others;
        if !winner.deleted {
            bodies.push((winner.rev.clone(), fields_of(shown?)));
        }
        if shown.is_some_and(|s| s.id != id) || bodies.iter().any(|(_, b)| b.id != id) {
            return None;
        }
        let fields = Doc::from_tree(history.tree, bodies)?;
        let contributions = shown
            .map(|shown| {
                shown
                    .contributions
                    .iter()
                    .map(|c| {
                        let rev = history
                            .contributions
                            .iter()
                            .find(|(id, _)| *id == c.id)
                            .map_or_else(|| contribution_rev(c), |(_, rev)| rev.clone());
                        (rev, c.clone())
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(RecordDoc {
            id,
            fields,
            contributions,
        })
    }
}
