//! Which view is showing. The standalone page mirrors it into the URL hash
//! so views (a filtered list too) can be bookmarked and the back button
//! works; an embedded widget keeps it in memory and leaves the host's URL
//! alone.

use crate::domain::search::{Query, Sort};
use crate::domain::{ActivityKind, Id, Status, Topic};

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Home,
    Repertoire(Query),
    /// New activity: the nine needs, or the form of one kind.
    New(Option<ActivityKind>),
    Record(Id),
    Edit(Id),
    /// Export, storage and backups.
    Data,
    /// The community's name, word for itself, domain and core topics.
    Profile,
    Members,
    /// Topics × people, demand and gaps.
    Map,
    /// Answer a round; results, trend, facts and recommendations.
    Assessment,
}

impl View {
    pub fn repertoire() -> View {
        View::Repertoire(Query::default())
    }

    pub fn to_hash(&self) -> String {
        match self {
            View::Home => "#/".to_owned(),
            View::Repertoire(query) => format!("#/repertoire{}", query_string(query)),
            View::New(None) => "#/new".to_owned(),
            View::New(Some(kind)) => format!("#/new/{}", kind.slug()),
            View::Record(id) => format!("#/record/{id}"),
            View::Edit(id) => format!("#/record/{id}/edit"),
            View::Data => "#/data".to_owned(),
            View::Profile => "#/community".to_owned(),
            View::Members => "#/members".to_owned(),
            View::Map => "#/map".to_owned(),
            View::Assessment => "#/assessment".to_owned(),
        }
    }

    /// Unknown or damaged addresses fall back to a sensible view rather
    /// than failing.
    pub fn from_hash(hash: &str) -> View {
        let rest = hash.trim_start_matches('#').trim_start_matches('/');
        let (path, search) = rest.split_once('?').unwrap_or((rest, ""));
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            ["repertoire"] => View::Repertoire(parse_query(search)),
            ["new"] => View::New(None),
            ["data"] => View::Data,
            ["community"] => View::Profile,
            ["members"] => View::Members,
            ["map"] => View::Map,
            ["assessment"] => View::Assessment,
            ["new", slug] => {
                ActivityKind::from_slug(slug).map_or(View::New(None), |k| View::New(Some(k)))
            }
            ["record", id] => Id::parse(id).map_or_else(View::repertoire, View::Record),
            ["record", id, "edit"] => Id::parse(id).map_or_else(View::repertoire, View::Edit),
            _ => View::Home,
        }
    }

    /// The navigation entry this view belongs to.
    pub fn section(&self) -> Section {
        match self {
            View::Home | View::Profile => Section::Home,
            View::Members => Section::Members,
            View::Map => Section::Map,
            View::Assessment => Section::Assessment,
            View::Repertoire(_) | View::Record(_) | View::Edit(_) => Section::Repertoire,
            View::New(_) => Section::NewActivity,
            View::Data => Section::Data,
        }
    }
}

fn query_string(query: &Query) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if !query.text.is_empty() {
        pairs.push(("q", query.text.clone()));
    }
    if let Some(kind) = query.kind {
        pairs.push(("kind", kind.slug().to_owned()));
    }
    if let Some(status) = query.status {
        pairs.push(("status", status.slug().to_owned()));
    }
    if let Some(topic) = &query.topic {
        pairs.push(("topic", topic.as_str().to_owned()));
    }
    if let Some(member) = &query.member {
        pairs.push(("member", member.clone()));
    }
    if query.sort != Sort::default() {
        pairs.push(("sort", query.sort.slug().to_owned()));
    }
    if pairs.is_empty() {
        return String::new();
    }
    let joined: Vec<String> = pairs
        .into_iter()
        .map(|(k, v)| format!("{k}={}", encode(&v)))
        .collect();
    format!("?{}", joined.join("&"))
}

fn parse_query(search: &str) -> Query {
    let mut query = Query::default();
    for pair in search.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        match key {
            "q" => query.text = value,
            "kind" => query.kind = ActivityKind::from_slug(&value),
            "status" => query.status = Status::from_slug(&value),
            "topic" => query.topic = Topic::new(&value),
            "member" => query.member = Some(value.trim().to_owned()).filter(|m| !m.is_empty()),
            "sort" => query.sort = Sort::from_slug(&value).unwrap_or_default(),
            _ => {}
        }
    }
    query
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Decodes percent escapes and `+`; malformed escapes stay as typed.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(byte) => {
                        out.push(byte);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Home,
    Repertoire,
    NewActivity,
    Members,
    Map,
    Assessment,
    Data,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Home,
        Section::Repertoire,
        Section::NewActivity,
        Section::Members,
        Section::Map,
        Section::Assessment,
        Section::Data,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::Home => "Home",
            Section::Repertoire => "Repertoire",
            Section::NewActivity => "New activity",
            Section::Members => "Members",
            Section::Map => "Knowledge map",
            Section::Assessment => "Self-assessment",
            Section::Data => "Data",
        }
    }

    pub fn view(self) -> View {
        match self {
            Section::Home => View::Home,
            Section::Repertoire => View::repertoire(),
            Section::NewActivity => View::New(None),
            Section::Members => View::Members,
            Section::Map => View::Map,
            Section::Assessment => View::Assessment,
            Section::Data => View::Data,
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
        let filtered = Query {
            text: "école & co/50% #1".into(),
            kind: Some(ActivityKind::InformationRequest),
            status: Some(Status::Open),
            topic: Topic::new("patient safety"),
            member: Some("Zoë".into()),
            sort: Sort::UnansweredFirst,
        };
        let views = [
            View::Home,
            View::repertoire(),
            View::Repertoire(filtered),
            View::New(None),
            View::New(Some(ActivityKind::Visit)),
            View::Record(id),
            View::Edit(id),
            View::Data,
            View::Profile,
            View::Members,
            View::Map,
            View::Assessment,
        ];
        for view in views {
            assert_eq!(
                View::from_hash(&view.to_hash()),
                view,
                "{view:?} as {}",
                view.to_hash()
            );
        }
        assert_eq!(View::repertoire().to_hash(), "#/repertoire");
    }

    #[test]
    fn damaged_addresses_fall_back_gracefully() {
        assert_eq!(View::from_hash(""), View::Home);
        assert_eq!(View::from_hash("#/nowhere/at/all"), View::Home);
        assert_eq!(View::from_hash("#/new/teleport"), View::New(None));
        assert_eq!(View::from_hash("#/record/not-an-id"), View::repertoire());
        let odd = View::from_hash("#/repertoire?q=%E2%28%ZZ&kind=nope&sort=sideways&status=&x=1");
        assert_eq!(
            odd,
            View::Repertoire(Query {
                text: "\u{fffd}(%ZZ".into(),
                ..Query::default()
            })
        );
    }
}
