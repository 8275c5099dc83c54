//! How one Repertoire is mounted: on its own page, or as a widget inside a
//! host page, with the options the host set on the element. Plain Rust,
//! tested natively.

use super::route::View;

pub const MAX_NAMESPACE_CHARS: usize = 40;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Light or dark as the system prefers.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(raw: &str) -> Option<Theme> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "" | "system" | "auto" => Some(Theme::System),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The class the stylesheet keys its colours on.
    pub fn class(self) -> &'static str {
        match self {
            Theme::System => "theme-system",
            Theme::Light => "theme-light",
            Theme::Dark => "theme-dark",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MountOptions {
    /// Each namespace is its own database and its own settings.
    pub namespace: String,
    /// The name to show until the community describes itself.
    pub name: Option<String>,
    pub theme: Theme,
    pub first_view: View,
    /// Narrow sidebars: tighter spacing, smaller type.
    pub compact: bool,
    /// Inside a host page: views stay in memory, the host's URL is left alone.
    pub embedded: bool,
    /// Where the full page of this namespace is, offered from the widget.
    pub full_page: Option<String>,
}

/// A namespace names a database: lower-case letters, digits, `-` and `_`.
pub fn parse_namespace(raw: &str) -> Result<String, String> {
    let namespace = raw.trim();
    if namespace.is_empty() {
        return Ok("default".to_owned());
    }
    let fits = namespace.len() <= MAX_NAMESPACE_CHARS
        && namespace
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if fits {
        Ok(namespace.to_owned())
    } else {
        Err(format!(
            "The namespace “{namespace}” cannot be used: use up to {MAX_NAMESPACE_CHARS} lower-case letters, digits, “-” or “_”, such as “nursing-handover”."
        ))
    }
}

/// The view named by the host page ("members", "map", …); Home otherwise.
pub fn parse_view(raw: &str) -> View {
    View::from_hash(&format!("#/{}", raw.trim()))
}

impl MountOptions {
    /// The standalone page: the namespace from `?namespace=`, the view from
    /// the hash.
    pub fn standalone(search: &str, hash: &str) -> Result<MountOptions, String> {
        let namespace = search
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix("namespace="))
            .unwrap_or("");
        Ok(MountOptions {
            namespace: parse_namespace(namespace)?,
            name: None,
            theme: Theme::System,
            first_view: View::from_hash(hash),
            compact: false,
            embedded: false,
            full_page: None,
        })
    }

    /// A widget, from the attributes of its element.
    pub fn embedded(
        namespace: &str,
        name: &str,
        theme: &str,
        view: &str,
        compact: bool,
        full_page: &str,
    ) -> Result<MountOptions, String> {
        let theme = Theme::parse(theme).ok_or_else(|| {
            format!(
                "The theme “{}” is unknown: use light, dark or system.",
                theme.trim()
            )
        })?;
        let namespace = parse_namespace(namespace)?;
        let full_page = Some(full_page.trim())
            .filter(|page| !page.is_empty())
            .map(|page| {
                let separator = if page.contains('?') { '&' } else { '?' };
                format!("{page}{separator}namespace={namespace}")
            });
        Ok(MountOptions {
            namespace,
            name: Some(name.trim().to_owned()).filter(|n| !n.is_empty()),
            theme,
            first_view: parse_view(view),
            compact,
            embedded: true,
            full_page,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_are_checked() {
        assert_eq!(parse_namespace("  ").as_deref(), Ok("default"));
        assert_eq!(parse_namespace("ward-7_b").as_deref(), Ok("ward-7_b"));
        assert!(parse_namespace("Ward 7").is_err());
        assert!(parse_namespace("../x").is_err());
        assert!(parse_namespace(&"a".repeat(41)).is_err());
    }

    #[test]
    fn widget_options_read_like_their_attributes() {
        let options =
            MountOptions::embedded("north", " North team ", "Dark", "members", true, "/app/")
                .expect("valid");
        assert_eq!(options.namespace, "north");
        assert_eq!(options.name.as_deref(), Some("North team"));
        assert_eq!(options.theme, Theme::Dark);
        assert_eq!(options.first_view, View::Members);
        assert!(options.compact && options.embedded);
        assert_eq!(options.full_page.as_deref(), Some("/app/?namespace=north"));
        let plain = MountOptions::embedded("", "", "", "", false, "").expect("defaults");
        assert_eq!(
            (plain.namespace.as_str(), plain.theme, plain.first_view),
            ("default", Theme::System, View::Home)
        );
        assert!(MountOptions::embedded("x", "", "neon", "", false, "").is_err());
        assert_eq!(parse_view("nowhere"), View::Home);
    }

    #[test]
    fn the_standalone_page_takes_its_namespace_from_the_query() {
        let options = MountOptions::standalone("?x=1&namespace=south", "#/map").expect("valid");
        assert_eq!(options.namespace, "south");
        assert_eq!(options.first_view, View::Map);
        assert!(!options.embedded);
        assert!(MountOptions::standalone("?namespace=Bad%20One", "").is_err());
    }
}
