//! The JSON envelope around every answer: `result`, for list methods `total` and `next`, the
//! `time` block, or `error` with `error_description` (b24restdocs `api-reference/data-types.md`
//! #time, `settings/how-to-call-rest-api/list-methods-pecularities.md`, `error-codes.md`).
//!
//! The portal is PHP: numbers often arrive as strings (`"ID": "5815"`) and an empty object as
//! `[]`, so everything here is read leniently.

use serde_json::Value;

use super::codes::PortalError;

/// A successful answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    pub result: Value,
    /// List methods: how many records match.
    pub total: Option<u64>,
    /// List methods: the `start` of the next page, absent on the last one.
    pub next: Option<u64>,
    pub time: Option<TimeBlock>,
}

/// The parts of the `time` block that the limits are read from (b24restdocs `limits.md`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TimeBlock {
    /// Seconds the request took on the portal.
    pub duration: Option<f64>,
    /// Seconds this method has used of its budget over the last ten one-minute baskets.
    pub operating: Option<f64>,
    /// Unix time at which the oldest basket stops counting.
    pub operating_reset_at: Option<u64>,
}

/// What an HTTP answer turned out to be.
#[derive(Debug)]
pub(crate) enum Answer {
    Reply(Reply),
    Error(PortalError, Option<TimeBlock>),
    /// Not the envelope at all; says what it was instead, never quoting it.
    Foreign(String),
}

pub(crate) fn read(status: u16, body: &str) -> Answer {
    let trimmed = body.trim_start();
    let Ok(Value::Object(mut map)) = serde_json::from_str::<Value>(body) else {
        return Answer::Foreign(if trimmed.starts_with('<') {
            "an HTML page".into()
        } else if trimmed.is_empty() {
            "an empty body".into()
        } else {
            format!("{} bytes that are not a JSON object", body.len())
        });
    };
    let time = map.get("time").map(TimeBlock::read);
    if let Some(code) = map.get("error") {
        let code = match code {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        };
        let description = map
            .get("error_description")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        return Answer::Error(
            PortalError {
                status,
                code,
                description,
            },
            time,
        );
    }
    if !(200..300).contains(&status) {
        return Answer::Error(
            PortalError {
                status,
                code: String::new(),
                description: String::new(),
            },
            time,
        );
    }
    match map.remove("result") {
        Some(result) => Answer::Reply(Reply {
            result,
            total: map.get("total").and_then(count),
            next: map.get("next").and_then(count),
            time,
        }),
        None => Answer::Foreign("JSON without `result` or `error`".into()),
    }
}

impl TimeBlock {
    pub(crate) fn read(v: &Value) -> Self {
        Self {
            duration: v.get("duration").and_then(number),
            operating: v.get("operating").and_then(number),
            operating_reset_at: v.get("operating_reset_at").and_then(count),
        }
    }
}

/// A non-negative integer sent as a number or a string, as the portal sends ids and counts.
pub fn count(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_page_with_its_time_block() {
        let body = r#"{"result":[{"ID":"5"}],"next":50,"total":"654",
            "time":{"start":1718292234.55,"duration":0.10,"operating_reset_at":1778747792,"operating":3.30}}"#;
        let Answer::Reply(r) = read(200, body) else {
            panic!()
        };
        assert_eq!(r.next, Some(50));
        assert_eq!(r.total, Some(654));
        let t = r.time.unwrap();
        assert_eq!(t.operating_reset_at, Some(1_778_747_792));
        assert_eq!(t.operating, Some(3.30));
    }

    #[test]
    fn an_error_with_an_empty_code() {
        let Answer::Error(e, _) = read(400, r#"{"error":"","error_description":"Access denied."}"#)
        else {
            panic!()
        };
        assert_eq!(e.code, "");
        assert_eq!(e.description, "Access denied.");
    }

    #[test]
    fn a_page_that_is_not_the_envelope() {
        assert!(
            matches!(read(502, "<html>Bad gateway</html>"), Answer::Foreign(d) if d == "an HTML page")
        );
        assert!(matches!(read(503, "{}"), Answer::Error(e, None) if e.status == 503));
    }

    #[test]
    fn counts_come_as_numbers_or_strings() {
        assert_eq!(count(&Value::from("17")), Some(17));
        assert_eq!(count(&Value::from(17)), Some(17));
        assert_eq!(count(&Value::from("x")), None);
    }
}
