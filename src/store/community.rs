//! The community beside its records: members, self-assessment rounds and
//! the profile, in the same database as the repertoire.

use super::doc_row::{read_docs, DocRow};
use super::error::StoreError;
use super::events::{ChangeBatch, DocRef};
use super::idb::{commit, store_error, IdbRepository, MEMBERS, META, ROUNDS};
use crate::domain::assessment::Round;
use crate::domain::community::CommunityProfile;
use crate::domain::member::Member;
use crate::domain::sorting::sort_by_key;
use crate::domain::Id;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;

pub(super) const PROFILE_KEY: &str = "profile";

/// Everything of the community that is not a record, as read at start.
#[derive(Debug, Default, PartialEq)]
pub struct Community {
    pub profile: Option<CommunityProfile>,
    pub members: Vec<Member>,
    pub rounds: Vec<Round>,
    /// Rows that could not be read (kept in storage, left out of the app).
    pub unreadable: Vec<String>,
}

impl IdbRepository {
    /// Profile, members and rounds, read in one transaction.
    pub async fn load_community(&self) -> Result<Community, StoreError> {
        self.check_open()?;
        let tx = self
            .database()
            .transaction([MEMBERS, ROUNDS, META])
            .build()
            .map_err(store_error)?;
        let rows = |name: &'static str| async {
            let store = tx.object_store(name).map_err(store_error)?;
            let rows = store
                .get_all::<DocRow>()
                .serde()
                .map_err(store_error)?
                .await
                .map_err(store_error)?;
            Ok::<_, StoreError>(
                rows.map(|row| row.map_err(|e| StoreError::Corrupt(e.to_string())))
                    .collect::<Vec<_>>(),
            )
        };
        let member_rows = rows(MEMBERS).await?;
        let round_rows = rows(ROUNDS).await?;
        let meta = tx.object_store(META).map_err(store_error)?;
        let profile_row: Option<DocRow> = meta
            .get(PROFILE_KEY)
            .serde()
            .map_err(store_error)?
            .await
            .map_err(store_error)?;
        drop(tx);
        let mut unreadable = Vec::new();
        let members = read_docs(member_rows, &mut unreadable)?;
        let mut rounds: Vec<Round> = read_docs(round_rows, &mut unreadable)?;
        crate::domain::assessment::sort_rounds(&mut rounds);
        let profile = match profile_row.map(|row| row.read()) {
            Some(Ok(profile)) => Some(profile),
            Some(Err(error @ StoreError::TooNew { .. })) => return Err(error),
            Some(Err(error)) => {
                unreadable.push(error.to_string());
                None
            }
            None => None,
        };
        let mut members: Vec<Member> = members;
        sort_by_key(&mut members, |m| m.joined);
        Ok(Community {
            profile,
            members,
            rounds,
            unreadable,
        })
    }

    pub async fn put_profile(&self, profile: &CommunityProfile) -> Result<(), StoreError> {
        let row = DocRow::new(PROFILE_KEY.to_owned(), profile)?;
        self.check_open()?;
        let tx = self
            .database()
            .transaction(META)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(store_error)?;
        let store = tx.object_store(META).map_err(store_error)?;
        store
            .put(row)
            .with_key(PROFILE_KEY.to_owned())
            .serde()
            .map_err(store_error)?
            .await
            .map_err(store_error)?;
        commit(tx).await?;
        self.committed(ChangeBatch::edit(DocRef::Profile));
        Ok(())
    }

    pub async fn put_member(&self, member: &Member) -> Result<(), StoreError> {
        self.put_in(MEMBERS, &DocRow::new(member.id.to_string(), member)?)
            .await?;
        self.committed(ChangeBatch::edit(DocRef::Member(member.id)));
        Ok(())
    }

    pub async fn delete_member(&self, id: Id) -> Result<(), StoreError> {
        self.delete_in(MEMBERS, id).await?;
        self.committed(ChangeBatch::edit(DocRef::Member(id)));
        Ok(())
    }

    pub async fn put_round(&self, round: &Round) -> Result<(), StoreError> {
        self.put_in(ROUNDS, &DocRow::new(round.id.to_string(), round)?)
            .await?;
        self.committed(ChangeBatch::edit(DocRef::Round(round.id)));
        Ok(())
    }
}
