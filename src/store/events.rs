//! What the store tells after each committed transaction: which documents
//! changed, of which kind, and where the change came from. One batch per
//! transaction, so an import or a pulled batch of thousands of documents
//! is one event, and a view can take it in with one update.

use crate::domain::Id;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// A document the store keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocRef {
    Record(Id),
    Member(Id),
    Round(Id),
    Profile,
}

/// Where the writer was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// This repository wrote it (this tab, this widget).
    ThisTab,
    /// Another tab or worker on the same database wrote it.
    OtherTab,
}

/// Why the documents were written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// A member's edit, deletion or resolution.
    Edit,
    /// A file was imported.
    Import,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeBatch {
    pub origin: Origin,
    pub cause: Cause,
    pub docs: Vec<DocRef>,
}

impl ChangeBatch {
    pub fn edit(doc: DocRef) -> ChangeBatch {
        ChangeBatch {
            origin: Origin::ThisTab,
            cause: Cause::Edit,
            docs: vec![doc],
        }
    }

    /// The records of the batch, in its order.
    pub fn records(&self) -> impl Iterator<Item = Id> + '_ {
        self.docs.iter().filter_map(|doc| match doc {
            DocRef::Record(id) => Some(*id),
            _ => None,
        })
    }

    /// Whether anything else than records changed.
    pub fn touches_community(&self) -> bool {
        self.docs
            .iter()
            .any(|doc| !matches!(doc, DocRef::Record(_)))
    }

    /// The batch as another tab receives it: one line per document, as
    /// small as a message can be (the documents are read from the
    /// database every tab shares).
    pub fn encode(&self) -> String {
        let mut text = String::from(match self.cause {
            Cause::Edit => "edit",
            Cause::Import => "import",
        });
        for doc in &self.docs {
            text.push('\n');
            match doc {
                DocRef::Record(id) => text.push_str(&format!("r {id}")),
                DocRef::Member(id) => text.push_str(&format!("m {id}")),
                DocRef::Round(id) => text.push_str(&format!("a {id}")),
                DocRef::Profile => text.push('p'),
            }
        }
        text
    }

    /// A batch another tab sent; `None` for a message this version does
    /// not understand (a newer version's), which the receiver ignores.
    pub fn decode(text: &str) -> Option<ChangeBatch> {
        let mut lines = text.lines();
        let cause = match lines.next()? {
            "edit" => Cause::Edit,
            "import" => Cause::Import,
            _ => return None,
        };
        let docs = lines
            .map(|line| match line.split_once(' ') {
                Some(("r", id)) => Id::parse(id).map(DocRef::Record),
                Some(("m", id)) => Id::parse(id).map(DocRef::Member),
                Some(("a", id)) => Id::parse(id).map(DocRef::Round),
                None if line == "p" => Some(DocRef::Profile),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?;
        Some(ChangeBatch {
            origin: Origin::OtherTab,
            cause,
            docs,
        })
    }
}

type Listener = Rc<dyn Fn(&ChangeBatch)>;

/// Who listens to a repository's batches. Listeners are called after the
/// transaction committed, in the order they subscribed. Clones share the
/// same listeners.
#[derive(Clone, Default)]
pub struct Listeners {
    list: Rc<RefCell<Vec<(u64, Listener)>>>,
    next: Rc<Cell<u64>>,
}

/// Listens for as long as it is kept.
pub struct Subscription {
    list: Weak<RefCell<Vec<(u64, Listener)>>>,
    key: u64,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(list) = self.list.upgrade() {
            list.borrow_mut().retain(|(key, _)| *key != self.key);
        }
    }
}

impl Listeners {
    pub fn subscribe(&self, listener: impl Fn(&ChangeBatch) + 'static) -> Subscription {
        let key = self.next.get() + 1;
        self.next.set(key);
        self.list.borrow_mut().push((key, Rc::new(listener)));
        Subscription {
            list: Rc::downgrade(&self.list),
            key,
        }
    }

    pub fn emit(&self, batch: &ChangeBatch) {
        if batch.docs.is_empty() {
            return;
        }
        // A listener may subscribe or let go while it is told.
        let listeners: Vec<Listener> = self.list.borrow().iter().map(|(_, l)| l.clone()).collect();
        for listener in listeners {
            listener(batch);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{IdSource, SeededIds};

    #[test]
    fn batches_cross_to_other_tabs_whole() {
        let mut ids = SeededIds::new(5);
        let batch = ChangeBatch {
            origin: Origin::ThisTab,
            cause: Cause::Import,
            docs: vec![
                DocRef::Record(ids.next_id()),
                DocRef::Member(ids.next_id()),
                DocRef::Round(ids.next_id()),
                DocRef::Profile,
            ],
        };
        let received = ChangeBatch::decode(&batch.encode()).expect("decodes");
        assert_eq!(received.origin, Origin::OtherTab);
        assert_eq!(received.cause, Cause::Import);
        assert_eq!(received.docs, batch.docs);
        assert!(received.touches_community());
        assert_eq!(received.records().count(), 1);
    }

    #[test]
    fn messages_of_another_version_are_ignored() {
        assert_eq!(ChangeBatch::decode("sync\nr x"), None);
        assert_eq!(ChangeBatch::decode("edit\nz 1"), None);
        assert_eq!(ChangeBatch::decode(""), None);
    }

    #[test]
    fn listeners_hear_until_they_let_go() {
        let listeners = Listeners::default();
        let heard = Rc::new(RefCell::new(0));
        let counter = heard.clone();
        let subscription = listeners.subscribe(move |batch| {
            *counter.borrow_mut() += batch.docs.len();
        });
        let batch = ChangeBatch::edit(DocRef::Profile);
        listeners.emit(&batch);
        listeners.emit(&ChangeBatch {
            docs: Vec::new(),
            ..batch.clone()
        });
        drop(subscription);
        listeners.emit(&batch);
        assert_eq!(*heard.borrow(), 1);
    }
}
