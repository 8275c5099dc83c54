//! Which view is showing. The standalone page mirrors it into the URL hash
//! so views can be bookmarked and the back button works; an embedded widget
//! keeps it in memory and leaves the host's URL alone.

use crate::domain::{ActivityKind, Id};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Home,
    Repertoire,
    /// New activity: the nine needs, or the form of one kind.
    New(Option<ActivityKind>),
    Record(Id),
    Edit(Id),
}

impl View {
    pub fn to_hash(self) -> String {
        match self {
            View::Home => "#/".to_owned(),
            View::Repertoire => "#/repertoire".to_owned(),
            View::New(None) => "#/new".to_owned(),
            View::New(Some(kind)) => format!("#/new/{}", kind.slug()),
            View::Record(id) => format!("#/record/{id}"),
            View::Edit(id) => format!("#/record/{id}/edit"),
        }
    }

    /// Unknown or damaged addresses fall back to Home rather than failing.
    pub fn from_hash(hash: &str) -> View {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            ["repertoire"] => View::Repertoire,
            ["new"] => View::New(None),
            ["new", slug] => {
                ActivityKind::from_slug(slug).map_or(View::New(None), |k| View::New(Some(k)))
            }
            ["record", id] => Id::parse(id).map_or(View::Repertoire, View::Record),
            ["record", id, "edit"] => Id::parse(id).map_or(View::Repertoire, View::Edit),
            _ => View::Home,
        }
    }

    /// The navigation entry this view belongs to.
    pub fn section(self) -> Section {
        match self {
            View::Home => Section::Home,
            View::Repertoire | View::Record(_) | View::Edit(_) => Section::Repertoire,
            View::New(_) => Section::NewActivity,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Home,
    Repertoire,
    NewActivity,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Home, Section::Repertoire, Section::NewActivity];

    pub fn label(self) -> &'static str {
        match self {
            Section::Home => "Home",
            Section::Repertoire => "Repertoire",
            Section::NewActivity => "New activity",
        }
    }

    pub fn view(self) -> View {
        match self {
            Section::Home => View::Home,
            Section::Repertoire => View::Repertoire,
            Section::NewActivity => View::New(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{IdSource, SeededIds};

    #[test]
    fn every_view_round_trips_through_the_hash() {
        let id = SeededIds::new(5).next_id();
        let views = [
            View::Home,
            View::Repertoire,
            View::New(None),
            View::New(Some(ActivityKind::Visit)),
            View::Record(id),
            View::Edit(id),
        ];
        for view in views {
            assert_eq!(View::from_hash(&view.to_hash()), view, "{view:?}");
        }
    }

    #[test]
    fn damaged_addresses_fall_back_gracefully() {
        assert_eq!(View::from_hash(""), View::Home);
        assert_eq!(View::from_hash("#/nowhere/at/all"), View::Home);
        assert_eq!(View::from_hash("#/new/teleport"), View::New(None));
        assert_eq!(View::from_hash("#/record/not-an-id"), View::Repertoire);
    }
}
