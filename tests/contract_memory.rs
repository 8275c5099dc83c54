#![cfg(not(target_arch = "wasm32"))]
//! The repository contract (`tests/contract`) against the in-memory twin.

mod contract;

use repertoire::domain::{IdSource, SeededIds};
use repertoire::store::MemoryRepository;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// The in-memory futures never wait, so one poll finishes them.
fn ready<T>(future: impl Future<Output = T>) -> T {
    let mut context = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut context) {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("an in-memory operation waited"),
    }
}

#[test]
fn the_in_memory_repository_keeps_the_contract() {
    let repo = MemoryRepository::new();
    let mut seeded = SeededIds::new(42);
    ready(contract::every_rule(&repo, &mut || seeded.next_id()));
}

#[test]
fn the_in_memory_repository_tells_what_changed() {
    let repo = MemoryRepository::new();
    let mut seeded = SeededIds::new(43);
    ready(contract::tells_what_changed(&repo, &mut || {
        seeded.next_id()
    }));
}

#[test]
fn the_in_memory_repository_keeps_members_rounds_and_the_profile() {
    let repo = MemoryRepository::new();
    let mut seeded = SeededIds::new(44);
    ready(contract::kept_documents(&repo, &mut || seeded.next_id()));
}
