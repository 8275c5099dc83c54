//! The subject matter in plain Rust: types, validation and rules. Nothing
//! here touches the browser, so all of it is tested natively.

pub mod assessment;
pub mod choices;
pub mod community;
pub mod contribution;
pub mod exchange;
pub mod facts;
pub mod fields;
pub mod history;
pub mod id;
pub mod import;
pub mod instrument;
pub mod kind;
pub mod knowledge;
pub mod lifecycle;
pub mod links;
pub mod markdown;
pub mod member;
pub mod participation;
pub mod payload;
pub mod recommend;
pub mod record;
pub mod sample;
pub mod scoring;
pub mod search;
pub mod sorting;
pub mod status;
pub mod time;
pub mod topic;
pub mod validation;
pub mod words;

pub use contribution::{Contribution, ContributionBody, Stance};
pub use fields::{fields_of, FieldSpec, Input};
pub use id::{Id, IdSource, SeededIds};
pub use kind::ActivityKind;
pub use payload::{FormValues, Payload};
pub use record::{Record, RecordForm};
pub use status::Status;
pub use time::Timestamp;
pub use topic::Topic;
pub use validation::{FieldError, ValidationErrors};
