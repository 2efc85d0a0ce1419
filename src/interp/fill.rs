//! Placeholders in what the client sees and in staff notifications, filled at send time
//! (docs/bot-runtime.md, "Placeholders"). Only the documented names are filled: a misspelt
//! `{clinet_name}` stays as written, so the scenario checks see what the client would.

/// `text` with each `{name}` of `values` replaced; any other `{…}` left as it is.
#[allow(clippy::single_match_else)] // the two cases of a brace read side by side
pub fn fill(text: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders left unfilled in `text`: `{name}` with a name of letters, digits and
/// `_` (a brace in prose, «{», is not one).
pub fn unfilled(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
            out.push(format!("{{{name}}}"));
        }
        rest = &after[close + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_are_filled_and_a_misspelt_one_stays() {
        let v = [("client_name", "Анна".to_owned())];
        assert_eq!(fill("Спасибо, {client_name}!", &v), "Спасибо, Анна!");
        assert_eq!(
            fill("Спасибо, {clinet_name}!", &v),
            "Спасибо, {clinet_name}!"
        );
        assert_eq!(unfilled("Спасибо, {clinet_name}! {"), ["{clinet_name}"]);
        assert!(unfilled("a { b } c").is_empty());
    }
}
