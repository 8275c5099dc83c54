//! Text written to run code when some page treats it as HTML. Repertoire
//! itself never renders HTML from text, so this is a second line of
//! defence: an imported file may come from anyone, and its texts may later
//! be shown by other tools (a mail, an intranet page, a Markdown viewer).
//!
//! The patterns, all matched without regard to ASCII case:
//! - an opening or closing `script`, `iframe`, `object` or `embed` tag:
//!   `<` (or `</`) and the name, then a space, `/`, `>` or the end of the
//!   text, as an HTML parser ends a tag name (`<scripts` is another word);
//! - an event-handler attribute in a start tag: after `<` and a letter, and
//!   before the `>` that ends the tag outside quoted values, an `on…=` name
//!   (`onerror=`, `onload =`) after white space, `/` or a quote, as in
//!   `<img src=x onerror=…>` or `<svg/onload=…>`;
//! - a link scheme that runs code: `javascript:` or `vbscript:` directly
//!   followed by something other than white space, and `data:text/html`,
//!   none of them preceded by a letter, digit, `-`, `.` or `+` (which would
//!   make another scheme). "JavaScript: the good parts" is a title, not a
//!   link.
//!
//! Ordinary text passes: `a < b`, `x<y`, `<3`, e-mail in angle brackets,
//! Markdown, and tags that run nothing (`<b>`, `<br/>`).

/// Tags whose content or source runs or embeds active content.
const DANGEROUS_TAGS: [&str; 4] = ["script", "iframe", "object", "embed"];
/// Link schemes whose target is code; the flag says whether white space
/// right after the colon makes it prose.
const DANGEROUS_SCHEMES: [(&str, bool); 3] = [
    ("javascript:", true),
    ("vbscript:", true),
    ("data:text/html", false),
];

/// The markup found in `text` that could run code in a web page, as it
/// appears there in lower case (`<script`, `onerror=`, `javascript:`), or
/// `None` when the text is safe to show anywhere. Linear in the text's
/// length, whatever it holds.
pub fn find_markup(text: &str) -> Option<String> {
    // Every pattern holds a `<` or a `:`, and most texts have neither: one
    // scan of their bytes settles them, with no copy.
    if !text.bytes().any(|b| b == b'<' || b == b':') {
        return None;
    }
    // HTML names are case-insensitive in ASCII only, and ASCII lower-casing
    // keeps every byte offset. Markdown code (between backticks) is shown
    // as code, never as markup: it is how members quote code.
    let lower = without_code(text).to_ascii_lowercase();
    find_tag(&lower)
        .or_else(|| find_handler(&lower))
        .or_else(|| find_scheme(&lower))
}

/// The text with every Markdown code span and fenced block (a run of
/// backticks up to the next run of the same length) left out. An unclosed
/// run is ordinary text.
fn without_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('`') {
        let run = rest[start..].chars().take_while(|c| *c == '`').count();
        let fence = &rest[start..start + run];
        let after = &rest[start + run..];
        // The closing run must be exactly as long as the opening one.
        let close = after
            .match_indices(fence)
            .find(|(at, _)| !after[at + run..].starts_with('`') && !after[..*at].ends_with('`'));
        match close {
            Some((at, _)) => {
                out.push_str(&rest[..start]);
                out.push(' ');
                rest = &after[at + run..];
            }
            None => {
                out.push_str(&rest[..start + run]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn ends_tag_name(c: char) -> bool {
    c.is_ascii_whitespace() || c == '/' || c == '>'
}

fn find_tag(lower: &str) -> Option<String> {
    for (start, _) in lower.match_indices('<') {
        let Some(rest) = lower.get(start + 1..) else {
            continue;
        };
        let (slash, rest) = match rest.strip_prefix('/') {
            Some(rest) => ("/", rest),
            None => ("", rest),
        };
        for name in DANGEROUS_TAGS {
            let Some(after) = rest.strip_prefix(name) else {
                continue;
            };
            if after.chars().next().is_none_or(ends_tag_name) {
                return Some(format!("<{slash}{name}"));
            }
        }
    }
    None
}

/// An `on…=` attribute inside a start tag. Tags are followed as an HTML
/// parser does: from `<` and a letter to the next `>` outside a quoted
/// value, so `<img alt=">" onerror=…>` is one tag.
fn find_handler(lower: &str) -> Option<String> {
    let mut in_tag = false;
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    let mut last_solid = ' ';
    for (at, c) in lower.char_indices() {
        if !in_tag {
            in_tag = previous == '<' && c.is_ascii_alphabetic();
        } else if let Some(open) = quote {
            if c == open {
                quote = None;
            }
        } else if c == '>' {
            in_tag = false;
        } else if matches!(c, '"' | '\'') && last_solid == '=' {
            quote = Some(c);
        } else if previous.is_ascii_whitespace() || matches!(previous, '/' | '"' | '\'') {
            if let Some(handler) = lower.get(at..).and_then(handler_at) {
                return Some(handler);
            }
        }
        previous = c;
        if !c.is_ascii_whitespace() {
            last_solid = c;
        }
    }
    None
}

/// `on`, letters, optional white space and `=` at the start of `text`.
fn handler_at(text: &str) -> Option<String> {
    let rest = text.strip_prefix("on")?;
    let after_name = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let letters = rest.len() - after_name.len();
    (letters > 0 && after_name.trim_start().starts_with('='))
        .then(|| format!("on{}=", rest.get(..letters).unwrap_or_default()))
}

fn find_scheme(lower: &str) -> Option<String> {
    for (scheme, prose_after_space) in DANGEROUS_SCHEMES {
        for (start, _) in lower.match_indices(scheme) {
            let before = lower.get(..start).and_then(|b| b.chars().next_back());
            // In `myjavascript:` the scheme a browser reads is `myjavascript`.
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '+')) {
                continue;
            }
            let next = lower
                .get(start + scheme.len()..)
                .and_then(|after| after.chars().next());
            if prose_after_space && next.is_none_or(char::is_whitespace) {
                continue;
            }
            return Some(scheme.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_tags_and_handlers_are_found() {
        assert_eq!(find_markup("Hi <SCRIPT>x</script>"), Some("<script".into()));
        assert_eq!(find_markup("end </script"), Some("</script".into()));
        assert_eq!(
            find_markup("<img src=x onerror=alert(1)>"),
            Some("onerror=".into())
        );
        assert_eq!(find_markup("<svg/onload=alert(1)>"), Some("onload=".into()));
        assert_eq!(
            find_markup("<a href='x'onclick = 'y'>"),
            Some("onclick=".into())
        );
        assert_eq!(find_markup("<iframe src=x>"), Some("<iframe".into()));
        assert_eq!(
            find_markup("<img alt=\">\" onerror=x>"),
            Some("onerror=".into())
        );
        assert_eq!(
            find_markup("[x](JavaScript:alert(1))"),
            Some("javascript:".into())
        );
    }

    #[test]
    fn every_pattern_holds_what_the_first_scan_looks_for() {
        for tag in DANGEROUS_TAGS {
            assert!(find_markup(&format!("<{tag}>")).is_some(), "{tag}");
        }
        for (scheme, _) in DANGEROUS_SCHEMES {
            assert!(scheme.contains(':'), "{scheme}");
            assert!(find_markup(&format!("{scheme}x")).is_some(), "{scheme}");
        }
    }

    #[test]
    fn quoted_values_run_nothing() {
        assert_eq!(find_markup("<a title=\"x onclick=y\">"), None);
    }

    #[test]
    fn code_between_backticks_is_quoted_not_markup() {
        assert_eq!(find_markup("Use `<script src=x>` in the head"), None);
        assert_eq!(find_markup("```\n<img src=x onerror=alert(1)>\n```"), None);
        assert_eq!(
            find_markup("`code` then <script>"),
            Some("<script".to_owned())
        );
        assert_eq!(
            find_markup("an unclosed ` then <iframe src=x>"),
            Some("<iframe".to_owned())
        );
    }

    #[test]
    fn ordinary_text_passes() {
        for text in [
            "a < b",
            "x<y",
            "I <3 this",
            "<b>bold</b> and <br/>",
            "Write to <ana@example.org>",
            "JavaScript: the good parts",
            "scripts <scripts> online=yes",
            "**Markdown** with `code` and [a link](https://example.org)",
            "if a<b and c>d then onward=1",
        ] {
            assert_eq!(find_markup(text), None, "{text}");
        }
    }
}
