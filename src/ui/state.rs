//! The app's shared state, provided as context to every view of one mount.
//! Several mounts on one page each get their own (no globals).

use super::derived::Derived;
use super::route::View;
use crate::domain::assessment::{Answer, Response, Round};
use crate::domain::community::CommunityProfile;
use crate::domain::history::{json_of, Rev};
use crate::domain::member::Member;
use crate::domain::{ActivityKind, Id, Record, RecordForm, Timestamp};
use crate::store::events::{Cause, ChangeBatch, Origin, Subscription};
use crate::store::idb::IdbRepository;
use crate::store::import::{Rows, Writes};
use crate::store::kept::{rev_key, rev_of, Community, Kept, KeptWrite, Place};
use crate::store::repository::{apply_changes, sort_recent_first, Shown};
use crate::store::row::Version;
use crate::store::settings::{settings_slot, Settings};
use crate::store::{Repository, StoreError};
use leptos::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::rc::Rc;

/// Where opening the repertoire stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Loading {
    Opening,
    /// The most recent records, shown on the repertoire list while the
    /// rest loads.
    Recent(Vec<Record>),
    Ready,
    Failed(StoreError),
}

/// A message for the live region: what just happened, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
    /// A deleted record the member may still bring back, and the
    /// revision of its deletion (the undo is written over it).
    pub undo: Option<(Record, Rev)>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub namespace: StoredValue<String>,
    /// The name a host page gave the widget, shown until a profile exists.
    pub display_name: StoredValue<Option<String>>,
    /// Inside a host page: never scroll or address the host's window.
    pub embedded: StoredValue<bool>,
    pub view: RwSignal<View>,
    pub loading: RwSignal<Loading>,
    /// How many readings of everything, after an import here or in another
    /// tab, are under way: until they end the views show what was there
    /// before.
    pub refreshing: RwSignal<u32>,
    /// Every record, most recently active first, as last committed.
    pub records: ReadSignal<Vec<Record>>,
    /// Written only by `put_in_list`, `drop_from_list` and `replace_list`,
    /// which first tell the derived views what changed.
    write_records: WriteSignal<Vec<Record>>,
    /// Each record's revision (what an edit starts from) and how many
    /// versions conflict with it.
    pub versions: RwSignal<FxHashMap<Id, Version>>,
    /// What views derive from the records and members, shared and kept.
    pub derived: Derived,
    pub notice: RwSignal<Option<Notice>>,
    /// None until the community describes itself.
    pub profile: RwSignal<Option<CommunityProfile>>,
    /// The directory, oldest member first.
    pub members: RwSignal<Vec<Member>>,
    /// Self-assessment rounds, oldest first.
    pub rounds: RwSignal<Vec<Round>>,
    /// The revision shown of each member, round, answer and the profile
    /// (`kept::rev_key`): what an edit of it starts from.
    kept_revs: StoredValue<Vec<(String, Rev)>>,
    pub settings: RwSignal<Settings>,
    /// When this member looked before this visit: Home shows what changed.
    pub previous_visit: StoredValue<Option<Timestamp>>,
    /// Records this browser held before it was found empty: the browser
    /// cleared the site's data.
    pub lost: RwSignal<Option<u32>>,
    /// A form to open prefilled (Write it down, a suggestion), taken once.
    pub prefill: RwSignal<Option<(ActivityKind, RecordForm)>>,
    /// Records being saved. A second save started meanwhile would start
    /// from the record as it was before the first, and undo it.
    saving: StoredValue<Vec<Id>>,
    repo: StoredValue<Option<Rc<IdbRepository>>, LocalStorage>,
    /// Hears what other tabs, workers and imports wrote.
    subscription: StoredValue<Option<Subscription>, LocalStorage>,
}

impl AppState {
    pub fn new(namespace: String, first_view: View) -> AppState {
        let settings: Settings = settings_slot(&namespace).load().unwrap_or_default();
        let previous_visit = settings.last_visit.map(Timestamp);
        let (records, write_records) = signal(Vec::new());
        let members = RwSignal::new(Vec::new());
        let profile = RwSignal::new(None);
        AppState {
            namespace: StoredValue::new(namespace),
            display_name: StoredValue::new(None),
            embedded: StoredValue::new(false),
            view: RwSignal::new(first_view),
            loading: RwSignal::new(Loading::Opening),
            refreshing: RwSignal::new(0),
            records,
            write_records,
            versions: RwSignal::new(FxHashMap::default()),
            derived: Derived::new(records, members, profile),
            notice: RwSignal::new(None),
            profile,
            members,
            rounds: RwSignal::new(Vec::new()),
            kept_revs: StoredValue::new(Vec::new()),
            settings: RwSignal::new(settings),
            prefill: RwSignal::new(None),
            saving: StoredValue::new(Vec::new()),
            lost: RwSignal::new(None),
            previous_visit: StoredValue::new(previous_visit),
            repo: StoredValue::new_local(None),
            subscription: StoredValue::new_local(None),
        }
    }

    /// Opens the namespace's database and loads the repertoire.
    pub async fn open(self) {
        let namespace = self.namespace.get_value();
        let opened = IdbRepository::open(&namespace).await;
        let loaded = match opened {
            Ok(repo) => {
                repo.on_superseded(move || self.warn(StoreError::Superseded.to_string()));
                let repo = Rc::new(repo);
                // Reading everything takes a while in a large repertoire;
                // the list can show the latest records meanwhile.
                if matches!(self.view.get_untracked(), View::Repertoire(ref q) if q.is_empty()) {
                    if let Ok(recent) = repo.recent(super::repertoire::PAGE).await {
                        if !recent.is_empty() {
                            self.loading.set(Loading::Recent(recent));
                        }
                    }
                }
                let all = repo.load().await;
                let community = repo.community().await;
                self.repo.set_value(Some(repo));
                all.and_then(|all| community.map(|community| (all, community)))
            }
            Err(error) => Err(error),
        };
        match loaded {
            Ok((loaded, community)) => {
                let seen = self.settings.with_untracked(|s| s.records_seen);
                if loaded.records.is_empty() && loaded.unreadable.is_empty() && seen > 0 {
                    self.lost.set(Some(seen));
                }
                self.versions.set(loaded.versions);
                self.replace_list(loaded.records);
                self.remember_count();
                let hidden = loaded.unreadable.len() + community.unreadable.len();
                self.show_community(community);
                if let Ok(repo) = self.repo() {
                    let subscription = repo.subscribe(move |batch| {
                        // This tab's own edits are shown by the code that
                        // made them, which holds the result already.
                        if batch.origin == Origin::OtherTab || batch.cause == Cause::Import {
                            leptos::task::spawn_local(self.take_batch(batch.clone()));
                        }
                    });
                    self.subscription.set_value(Some(subscription));
                }
                self.loading.set(Loading::Ready);
                self.update_settings(|s| s.last_visit = Some(super::browser::now().millis()));
                if hidden > 0 {
                    self.warn(format!(
                        "{hidden} stored record{} could not be read and {} left out. {} still in this browser's storage; nothing was deleted.",
                        if hidden == 1 { "" } else { "s" },
                        if hidden == 1 { "is" } else { "are" },
                        if hidden == 1 { "It is" } else { "They are" },
                    ));
                }
            }
            Err(error) => self.loading.set(Loading::Failed(error)),
        }
    }

    /// The open repository, or why there is none.
    pub fn repo(&self) -> Result<Rc<IdbRepository>, StoreError> {
        self.repo
            .get_value()
            .ok_or_else(|| StoreError::Unavailable("the repertoire is not open".to_owned()))
    }

    fn put_in_list(&self, record: Record, version: Version) {
        self.versions.update(|versions| {
            versions.insert(record.id, version);
        });
        self.derived.will_put(&record);
        self.write_records.update(|records| {
            records.retain(|r| r.id != record.id);
            records.push(record);
            sort_recent_first(records);
        });
    }

    /// Many records changed at once: one update of the list, one sort.
    fn put_many_in_list(&self, found: Vec<Shown>) {
        let changed: FxHashSet<Id> = found.iter().map(|(id, _)| *id).collect();
        let mut shown = Vec::with_capacity(found.len());
        self.versions.update(|versions| {
            for (id, now) in found {
                match now {
                    Some((record, version)) => {
                        versions.insert(id, version);
                        shown.push(record);
                    }
                    None => {
                        versions.remove(&id);
                    }
                }
            }
        });
        self.derived.will_change(&changed, &shown);
        self.write_records
            .update(|records| apply_changes(records, &changed, shown));
    }

    fn drop_from_list(&self, id: Id) {
        self.versions.update(|versions| {
            versions.remove(&id);
        });
        self.derived.will_drop(id);
        self.write_records
            .update(|records| records.retain(|r| r.id != id));
    }

    fn replace_list(&self, records: Vec<Record>) {
        self.derived.will_replace();
        self.write_records.set(records);
    }

    /// The revision a change of this record starts from.
    pub fn rev_of(&self, id: Id) -> Option<Rev> {
        self.versions
            .with_untracked(|versions| versions.get(&id).map(|v| v.rev.clone()))
    }

    /// Writes a record as a change of revision `base` (`None`: a new
    /// record); the list changes only once the write committed. Refused
    /// while an earlier save of the same record is under way, and when
    /// the record moved on since `base` (`StoreError::Changed`).
    pub async fn save(self, record: Record, base: Option<Rev>) -> Result<(), StoreError> {
        self.write(record, Saving::Save(base)).await
    }

    /// Keeps `record`, made from `base`, beside the version stored now.
    pub async fn keep_both(self, record: Record, base: Rev) -> Result<(), StoreError> {
        self.write(record, Saving::KeepBoth(base)).await
    }

    /// Writes `record` as the one version of a record in conflict, made
    /// from the version shown (`base`); the other versions are closed.
    pub async fn resolve(self, record: Record, base: Rev) -> Result<(), StoreError> {
        self.write(record, Saving::Resolve(base)).await
    }

    async fn write(self, record: Record, how: Saving) -> Result<(), StoreError> {
        let id = record.id;
        if self.saving.with_value(|ids| ids.contains(&id)) {
            return Err(StoreError::StillSaving);
        }
        self.saving.update_value(|ids| ids.push(id));
        let written = self.write_now(id, &record, how).await;
        self.saving.update_value(|ids| ids.retain(|i| *i != id));
        written
    }

    async fn write_now(self, id: Id, record: &Record, how: Saving) -> Result<(), StoreError> {
        let repo = self.repo()?;
        let version = match how {
            Saving::Save(base) => repo.save(record, base.as_ref()).await?,
            Saving::KeepBoth(base) => repo.keep_both(record, &base).await?,
            Saving::Resolve(base) => repo.resolve(record, &base).await?,
        };
        self.ask_to_keep_data();
        // The record shown now: with contributions saved meanwhile, or
        // the winner of two versions kept.
        match repo.get(id).await {
            Ok(Some((shown, version))) => self.put_in_list(shown, version),
            _ => self.put_in_list(record.clone(), version),
        }
        self.remember_count();
        Ok(())
    }

    /// Keeps the number of records in the settings; an empty list is
    /// remembered only when the member emptied it here.
    fn remember_count(&self) {
        let count = self.records.with_untracked(Vec::len) as u32;
        if self.lost.get_untracked().is_none()
            && self.settings.with_untracked(|s| s.records_seen) != count
        {
            let now = super::browser::now().millis();
            self.update_settings(|s| {
                if s.records_seen == 0 && count > 0 {
                    s.kept_since = Some(now);
                }
                s.records_seen = count;
            });
        }
    }

    /// Another tab, a worker or an import wrote: read what changed back
    /// from IndexedDB.
    async fn take_batch(self, batch: ChangeBatch) {
        let Ok(repo) = self.repo() else { return };
        if batch.cause == Cause::Import {
            self.reload_everything(&repo).await;
            self.lost.set(None);
            self.remember_count();
            self.ask_to_keep_data();
            return;
        }
        let ids: Vec<Id> = batch.records().collect();
        // Reading a large share of the records one by one is slower than
        // reading them all.
        let shown = self.records.with_untracked(Vec::len);
        if ids.len() > 1_000 && ids.len() > shown / 2 {
            self.reload_everything(&repo).await;
        } else if !ids.is_empty() {
            // Unreadable here: it stays in storage and shows after a reload.
            if let Ok(found) = repo.get_many(&ids).await {
                self.put_many_in_list(found);
                self.remember_count();
            }
        }
        if batch.touches_community() {
            self.reload_community(&repo).await;
        }
    }

    async fn reload_community(self, repo: &IdbRepository) {
        if let Ok(community) = repo.community().await {
            self.show_community(community);
        }
    }

    fn show_community(&self, community: Community) {
        self.kept_revs.set_value(community.revs);
        self.profile.set(community.profile);
        self.members.set(community.members);
        self.rounds.set(community.rounds);
    }

    /// The revision shown of a member, round, answer or the profile: an
    /// editor keeps the one it opened on, and saves over it.
    pub fn kept_rev<K: Kept>(&self, key: &str) -> Option<Rev> {
        self.kept_revs
            .with_value(|revs| rev_of(revs, &rev_key::<K>(key)).cloned())
    }

    /// Writes a member, round head, answer or the profile over revision
    /// `base`, the one its editor opened on. When it moved on meanwhile,
    /// nothing is written: what is stored now is shown, the error names
    /// its revision, and the member's form keeps their text, so saving
    /// again over that revision puts theirs on top.
    async fn put_kept<K: Kept>(self, value: &K, base: Option<Rev>) -> Result<(), StoreError> {
        let write = (json_of(value), base);
        self.write_kept(value.place(), rev_key::<K>(&value.key()), write)
            .await
    }

    async fn write_kept(
        self,
        place: Place,
        rev_key: String,
        (json, base): (String, Option<Rev>),
    ) -> Result<(), StoreError> {
        let repo = self.repo()?;
        match repo
            .write_kept(&place, KeptWrite::Put(&json, base.as_ref()))
            .await
        {
            Ok(rev) => {
                self.kept_revs.update_value(|revs| {
                    revs.retain(|(name, _)| *name != rev_key);
                    revs.push((rev_key, rev));
                });
                Ok(())
            }
            Err(error) => {
                if matches!(error, StoreError::Outdated { .. }) {
                    self.reload_community(&repo).await;
                }
                Err(error)
            }
        }
    }

    async fn reload_everything(self, repo: &IdbRepository) {
        self.refreshing.update(|n| *n += 1);
        if let Ok(loaded) = repo.load().await {
            self.versions.set(loaded.versions);
            self.replace_list(loaded.records);
        }
        self.reload_community(repo).await;
        self.refreshing.update(|n| *n = n.saturating_sub(1));
    }

    /// Writes an import in one transaction; `imported` then shows it.
    pub async fn write_import(
        self,
        writes: &Writes,
        progress: &dyn Fn(usize, usize),
        cancelled: &dyn Fn() -> bool,
    ) -> Result<(), StoreError> {
        let rows = Rows::of(writes)?;
        self.repo()?.write_all(&rows, progress, cancelled).await
    }

    /// Once there is something worth keeping, ask the browser not to clear
    /// it under storage pressure (asked once; the Data view shows the answer).
    fn ask_to_keep_data(self) {
        if self.settings.with_untracked(|s| s.persistence_asked) {
            return;
        }
        self.update_settings(|s| s.persistence_asked = true);
        leptos::task::spawn_local(async {
            let _ = super::browser::request_persistence().await;
        });
    }

    /// Deletes the record as shown here; the list changes once the
    /// delete committed. The revision of the deletion, for an undo.
    pub async fn delete(self, id: Id) -> Result<Rev, StoreError> {
        let base = self.rev_of(id).ok_or(StoreError::Changed {
            current: None,
            rev: None,
        })?;
        let tombstone = self.repo()?.delete(id, &base).await?;
        self.drop_from_list(id);
        self.remember_count();
        Ok(tombstone.rev)
    }

    pub async fn save_profile(
        self,
        profile: CommunityProfile,
        base: Option<Rev>,
    ) -> Result<(), StoreError> {
        self.put_kept(&profile, base).await?;
        self.profile.set(Some(profile));
        Ok(())
    }

    pub async fn save_member(self, member: Member, base: Option<Rev>) -> Result<(), StoreError> {
        self.put_kept(&member, base).await?;
        self.members.update(
            |members| match members.iter_mut().find(|m| m.id == member.id) {
                Some(old) => *old = member,
                None => members.push(member),
            },
        );
        Ok(())
    }

    /// Deletes the member as shown here: a tombstone, so the deletion
    /// reaches other copies.
    pub async fn delete_member(self, id: Id) -> Result<(), StoreError> {
        let repo = self.repo()?;
        let member = self
            .members
            .with_untracked(|members| members.iter().find(|m| m.id == id).cloned());
        let (Some(member), Some(base)) = (member, self.kept_rev::<Member>(&id.to_string())) else {
            return Err(StoreError::Outdated { rev: None });
        };
        if let Err(error) = repo.delete_kept(&member, &base).await {
            if matches!(error, StoreError::Outdated { .. }) {
                self.reload_community(&repo).await;
            }
            return Err(error);
        }
        self.members
            .update(|members| members.retain(|m| m.id != id));
        if self.settings.with_untracked(|s| s.me == Some(id)) {
            self.update_settings(|s| s.me = None);
        }
        Ok(())
    }

    /// Opens a self-assessment round (its responses come as answers).
    pub async fn open_round(self, round: Round) -> Result<(), StoreError> {
        self.put_kept(&round, None).await?;
        self.rounds.update(|rounds| {
            rounds.retain(|r| r.id != round.id);
            rounds.push(round);
            crate::domain::assessment::sort_rounds(rounds);
        });
        Ok(())
    }

    /// Saves a member's answers to a round, over the answers of theirs
    /// shown here (another tab's answer of the same member is not
    /// overwritten unseen); other members' answers are documents of their
    /// own and never in the way.
    pub async fn save_answer(
        self,
        round: Id,
        response: Response,
        base: Option<Rev>,
    ) -> Result<(), StoreError> {
        let answer = Answer { round, response };
        self.put_kept(&answer, base).await?;
        self.rounds.update(|rounds| {
            if let Some(at) = rounds.iter().position(|r| r.id == round) {
                rounds[at] = rounds[at].with_response(answer.response);
            }
        });
        Ok(())
    }

    /// The member using this browser, once they picked themself.
    pub fn me(&self) -> Option<Member> {
        let me = self.settings.with(|s| s.me)?;
        self.members
            .with(|members| members.iter().find(|m| m.id == me).cloned())
    }

    /// The community's name, as it calls itself.
    pub fn name(&self) -> String {
        self.profile
            .with(|p| p.as_ref().map(|p| p.name.clone()))
            .or_else(|| self.display_name.get_value())
            .unwrap_or_else(|| "our community".to_owned())
    }

    /// The word the community uses for itself ("tech club", "guild"…).
    pub fn word(&self) -> String {
        self.profile
            .with(|p| p.as_ref().map(|p| p.word.as_text().to_owned()))
            .unwrap_or_else(|| "community".to_owned())
    }

    pub fn record(&self, id: Id) -> Option<Record> {
        self.records
            .with(|records| records.iter().find(|r| r.id == id).cloned())
    }

    /// Switches views; a message about the previous view is dropped.
    pub fn go(&self, view: View) {
        self.notice.set(None);
        self.view.set(view);
    }

    pub fn tell(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            text: text.into(),
            is_error: false,
            undo: None,
        }));
    }

    pub fn warn(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            text: text.into(),
            is_error: true,
            undo: None,
        }));
    }

    pub fn tell_with_undo(&self, text: impl Into<String>, deleted: Record, tombstone: Rev) {
        self.notice.set(Some(Notice {
            text: text.into(),
            is_error: false,
            undo: Some((deleted, tombstone)),
        }));
    }

    /// The name this member signs with: the member they picked in "Who am
    /// I", else the name last typed in this browser.
    pub fn author(&self) -> String {
        let me = self.settings.with_untracked(|s| s.me);
        me.and_then(|me| {
            self.members.with_untracked(|members| {
                members.iter().find(|m| m.id == me).map(|m| m.name.clone())
            })
        })
        .unwrap_or_else(|| self.settings.with_untracked(|s| s.author.clone()))
    }

    /// Opens a kind's form with these values.
    pub fn open_prefilled(&self, kind: ActivityKind, form: RecordForm) {
        self.go(View::New(Some(kind)));
        self.prefill.set(Some((kind, form)));
    }

    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.settings.update(change);
        let namespace = self.namespace.get_value();
        self.settings
            .with_untracked(|settings| settings_slot(&namespace).save(settings));
    }
}

/// How a record is written.
enum Saving {
    Save(Option<Rev>),
    KeepBoth(Rev),
    Resolve(Rev),
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
