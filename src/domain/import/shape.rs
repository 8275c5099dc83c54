//! Serde reads a struct from a JSON object and also from the list of its
//! values in field order; the reading part by part (`validate`) wants
//! objects. So that the quick reading accepts exactly what `validate`
//! accepts, a file whose lists stand anywhere but in a list field is left
//! to `validate`. One pass over the bytes, keeping only a stack of the
//! brackets still open.

/// The fields of the export format that hold lists.
const LIST_FIELDS: [&[u8]; 17] = [
    b"members",
    b"records",
    b"rounds",
    b"core_topics",
    b"knows",
    b"learning",
    b"topics",
    b"contributions",
    b"links",
    b"responses",
    b"answers",
    b"contributors",
    b"who_goes",
    b"experts",
    b"gaps",
    b"groups",
    // A history's revision tree.
    b"t",
];

/// The fields whose items are themselves lists (pairs): answers, and in
/// the history each record's `[id, history]`, its other versions
/// `[revision, record]` and its contributions' `[id, revision]`.
const PAIRS: [&[u8]; 4] = [b"answers", b"history", b"o", b"c"];

#[derive(Clone, Copy, PartialEq)]
enum Open {
    Object,
    List,
    Pairs,
}

/// Whether every list in `text` (well-formed JSON) is the value of a list
/// field or an answer pair. Unsure (an escaped key, say) answers false,
/// which only costs the slower reading.
pub(super) fn lists_in_place(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut open: Vec<Open> = Vec::new();
    // In well-formed JSON the last string before a value in an object is
    // its key.
    let mut last_string: &[u8] = b"";
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                let start = at + 1;
                match end_of_string(bytes, start) {
                    Some(end) => {
                        last_string = &bytes[start..end];
                        at = end;
                    }
                    None => return false,
                }
            }
            b'{' => open.push(Open::Object),
            b'[' => {
                let list = match open.last() {
                    Some(Open::Object) if PAIRS.contains(&last_string) => Open::Pairs,
                    Some(Open::Object) if LIST_FIELDS.contains(&last_string) => Open::List,
                    Some(Open::Pairs) => Open::List,
                    _ => return false,
                };
                open.push(list);
            }
            b'}' | b']' => {
                open.pop();
            }
            _ => {}
        }
        at += 1;
    }
    true
}

/// Where the string that starts at `start` (after its quote) ends: the
/// closing quote's position; `None` for a string never closed.
fn end_of_string(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start;
    loop {
        let next = at + memchr::memchr2(b'"', b'\\', bytes.get(at..)?)?;
        if bytes[next] == b'"' {
            return Some(next);
        }
        // Skip the escaped character (a `\"` must not end the string).
        at = next + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::lists_in_place;

    #[test]
    fn lists_in_list_fields_and_answer_pairs_are_in_place() {
        let text = r#"{"records": [{"topics": ["a", "b"], "title": "x [y] \"z\" {"}],
            "rounds": [{"responses": [{"answers": [["d1", {"agreement": 4}], ["c2", "dont-know"]]}]}]}"#;
        assert!(lists_in_place(text));
        assert!(lists_in_place("{}"));
    }

    #[test]
    fn an_object_written_as_a_list_is_not() {
        assert!(!lists_in_place(r#"{"profile": ["Night shift"]}"#));
        assert!(!lists_in_place(
            r#"{"records": [{"payload": {"problem-solving": []}}]}"#
        ));
        assert!(!lists_in_place(r#"{"records": [["id", "title"]]}"#));
        assert!(!lists_in_place(r#"{"answers": [[["nested"]]]}"#));
        assert!(!lists_in_place("[]"));
    }

    #[test]
    fn an_unknown_field_holding_a_list_is_left_to_the_slower_reading() {
        assert!(!lists_in_place(r#"{"extra": [1, 2]}"#));
        // The key's raw bytes are escaped: unsure, so not in place.
        assert!(!lists_in_place(r#"{"t\u006fpics": ["a"]}"#));
    }

    #[test]
    fn a_string_that_ends_in_an_escaped_backslash_closes() {
        assert!(lists_in_place(r#"{"title": "C:\\", "topics": ["a"]}"#));
        assert!(!lists_in_place(r#"{"title": "open"#));
    }
}
