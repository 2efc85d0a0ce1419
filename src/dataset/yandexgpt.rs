//! Yandex AI Studio's tuning dataset (`TextToTextGeneration`): JSON Lines, one example a
//! line, `{"request": [{"role": "system", "text": …}, {"role": "user", …}, …],
//! "response": …}` — the system instruction first and the same in every example, the
//! dialogue so far in `request`, the answer to learn in `response`.

use serde::Serialize;

use super::exchange::{Exchange, Role};

#[derive(Serialize)]
struct Line<'a> {
    request: Vec<Turn<'a>>,
    response: &'a str,
}

#[derive(Serialize)]
struct Turn<'a> {
    role: &'static str,
    text: &'a str,
}

fn role(r: Role) -> &'static str {
    match r {
        Role::User => "user",
        Role::Assistant => "assistant",
    }
}

pub fn write(prompt: &str, exchanges: &[Exchange]) -> Vec<u8> {
    let mut out = Vec::new();
    for ex in exchanges {
        let mut request = vec![Turn {
            role: "system",
            text: prompt,
        }];
        request.extend(ex.context.iter().map(|m| Turn {
            role: role(m.role),
            text: &m.text,
        }));
        request.push(Turn {
            role: "user",
            text: &ex.user,
        });
        let line = Line {
            request,
            response: &ex.answer,
        };
        out.extend(serde_json::to_vec(&line).expect("a dataset line serialises"));
        out.push(b'\n');
    }
    out
}
