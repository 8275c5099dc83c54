//! Small helpers for writing figures in sentences members read.

/// "1 record", "3 records": the count with the word that fits it.
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_and_many() {
        assert_eq!(super::plural(1, "record", "records"), "1 record");
        assert_eq!(super::plural(0, "record", "records"), "0 records");
    }
}
