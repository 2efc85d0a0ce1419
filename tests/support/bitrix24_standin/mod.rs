//! A Bitrix24 portal stand-in for the tests: a small HTTP/1.1 server on 127.0.0.1 that keeps
//! a portal's state and answers the REST methods push uses through an incoming webhook, in the
//! shapes of Bitrix24's REST reference — `batch` included, the request-rate bucket that
//! refuses with `QUERY_LIMIT_EXCEEDED` (503), method time budgets that refuse with
//! `OPERATION_TIME_LIMIT` (429) — and faults a test can switch on: a wrong or expired webhook,
//! a missing scope, a 500 in the middle of a batch, a slow answer, a redirect, a deleted portal.
//!
//! Plain std (a listener thread, a thread per connection, `Connection: close`): it lives in
//! `tests/`, never in the binary.

#![allow(dead_code)]

mod php_query;
pub mod portal;
mod records;
mod user_fields;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value, json};

pub use portal::{Fail, Out, Portal, fail, text};

/// The webhook's user and secret on every stand-in: made up, like every value here.
pub const USER_ID: u64 = 1;
pub const SECRET: &str = "st4ndin0s3cr3t9q";

/// Faults a test switches on through [`Standin::state`].
#[derive(Debug, Default)]
pub struct Faults {
    /// Every request waits this long before it is answered.
    pub slow: Option<Duration>,
    /// Every request is answered with a 302 to this host, as a renamed portal's old address.
    pub redirect_to: Option<String>,
    /// The next `batch` runs this many of its commands, then fails with HTTP 500.
    pub fail_batch_after: Option<usize>,
    /// The webhook expired: every request is refused as unauthorised.
    pub expired: bool,
    /// The portal was deleted.
    pub deleted: bool,
    /// Methods whose time budget is spent, until the given unix time.
    pub budget_spent: BTreeMap<String, u64>,
}

/// The portal's leaky bucket: each request adds one, it drains `per_second`, and a request
/// that finds it at `limit` is refused without running (limits.md).
#[derive(Debug)]
pub struct RateBucket {
    pub limit: f64,
    pub per_second: f64,
    level: f64,
    at: Instant,
}

impl RateBucket {
    pub fn new(limit: u32, per_second: f64) -> Self {
        Self {
            limit: f64::from(limit),
            per_second,
            level: 0.0,
            at: Instant::now(),
        }
    }

    fn admit(&mut self, now: Instant) -> bool {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.level = (self.level - elapsed * self.per_second).max(0.0);
        self.at = now;
        if self.level + 1.0 > self.limit + 1e-9 {
            return false;
        }
        self.level += 1.0;
        true
    }
}

#[derive(Clone, Debug)]
pub struct Logged {
    pub method: String,
    pub params: Value,
    /// When it arrived (for requests) or ran (for methods).
    pub at: Instant,
    /// Refused by the rate bucket without running.
    pub rate_refused: bool,
}

#[derive(Debug)]
pub struct State {
    pub portal: Portal,
    pub faults: Faults,
    pub rate: RateBucket,
    /// Every HTTP request, in order: the method in its path and its JSON body.
    pub requests: Vec<Logged>,
    /// Every method that ran, alone or inside a batch.
    pub executed: Vec<Logged>,
    /// Requests refused by the rate bucket.
    pub rate_refusals: u32,
    /// Per method: the unix second its first counted call fell in, and the seconds used.
    operating: BTreeMap<String, (u64, f64)>,
}

pub struct Standin {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Standin {
    /// A fresh portal (classic mode, built-in stages and sources, all scopes push needs),
    /// with the documented bucket of 50 requests draining 2 a second.
    pub fn start() -> Self {
        Self::start_with(Portal::fresh(USER_ID, SECRET))
    }

    pub fn start_with(portal: Portal) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(Mutex::new(State {
            portal,
            faults: Faults::default(),
            rate: RateBucket::new(50, 2.0),
            requests: Vec::new(),
            executed: Vec::new(),
            rate_refusals: 0,
            operating: BTreeMap::new(),
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let state = Arc::clone(&state);
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let state = Arc::clone(&state);
                    std::thread::spawn(move || serve(stream, &state));
                }
            })
        };
        Self {
            addr,
            state,
            stop,
            thread: Some(thread),
        }
    }

    /// The webhook URL of this portal: `http://127.0.0.1:PORT/rest/1/SECRET/`.
    pub fn url(&self) -> String {
        self.url_with(USER_ID, SECRET)
    }

    pub fn url_with(&self, user_id: u64, secret: &str) -> String {
        format!("http://{}/rest/{user_id}/{secret}/", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The portal, its faults and its logs, to set up or to check.
    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// HTTP requests whose path named `method`.
    pub fn requests_to(&self, method: &str) -> usize {
        self.state()
            .requests
            .iter()
            .filter(|r| r.method == method)
            .count()
    }
}

impl Drop for Standin {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// What goes back over the wire.
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

fn serve(mut stream: TcpStream, state: &Mutex<State>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let Some((path, body)) = read_request(&mut stream) else {
        return;
    };
    let slow = lock(state).faults.slow;
    if let Some(d) = slow {
        std::thread::sleep(d);
    }
    let response = answer(&mut lock(state), &path, &body);
    let reason = match response.status {
        200 => "OK",
        302 => "Found",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let mut head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: application/json; charset=utf-8\r\n\
         Content-Length: {}\r\nConnection: close\r\n",
        response.status,
        response.body.len()
    );
    for (k, v) in &response.headers {
        let _ = write!(head, "{k}: {v}\r\n");
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(response.body.as_bytes());
    let _ = stream.flush();
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The request's path and body; `None` for anything that is not a whole HTTP/1.1 request.
fn read_request(stream: &mut TcpStream) -> Option<(String, Vec<u8>)> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let path = lines.next()?.split(' ').nth(1)?.to_owned();
    let length: usize = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some((path, body))
}

fn json_response(status: u16, body: &Value) -> Response {
    Response {
        status,
        headers: Vec::new(),
        body: body.to_string(),
    }
}

fn error_body(f: &Fail) -> Value {
    json!({"error": f.code, "error_description": f.description})
}

fn answer(s: &mut State, path: &str, body: &[u8]) -> Response {
    let parts: Vec<&str> = path
        .split('?')
        .next()
        .unwrap_or_default()
        .split('/')
        .collect();
    // ["", "rest", user, secret, method]
    let method = parts
        .get(4)
        .map(|m| m.trim_end_matches(".json").to_owned())
        .unwrap_or_default();
    let params: Value = if body.is_empty() {
        json!({})
    } else {
        serde_json::from_slice(body).unwrap_or(Value::Null)
    };
    s.requests.push(Logged {
        method: method.clone(),
        params: params.clone(),
        at: Instant::now(),
        rate_refused: false,
    });
    if let Some(host) = &s.faults.redirect_to {
        // The old address sends the whole path on, secret included, as a real portal would.
        return Response {
            status: 302,
            headers: vec![("Location".into(), format!("http://{host}{path}"))],
            body: String::new(),
        };
    }
    if !s.rate.admit(Instant::now()) {
        s.rate_refusals += 1;
        if let Some(last) = s.requests.last_mut() {
            last.rate_refused = true;
        }
        return json_response(
            503,
            &json!({"error": "QUERY_LIMIT_EXCEEDED", "error_description": "Too many requests"}),
        );
    }
    if parts.len() < 5 || parts[1] != "rest" {
        return json_response(
            404,
            &json!({"error": "ERROR_METHOD_NOT_FOUND", "error_description": "Method not found!"}),
        );
    }
    let authorised = parts[2] == s.portal.user_id.to_string()
        && parts[3] == s.portal.secret
        && !s.faults.expired;
    if !authorised {
        return json_response(
            401,
            &json!({"error": "NO_AUTH_FOUND", "error_description": "Wrong authorization data"}),
        );
    }
    if s.faults.deleted {
        return json_response(
            500,
            &json!({"error": "PORTAL_DELETED", "error_description": "Portal was deleted"}),
        );
    }
    if !params.is_object() {
        return json_response(
            400,
            &json!({"error": "", "error_description": "Request body is not a JSON object."}),
        );
    }
    if method == "batch" {
        return s.batch(&params);
    }
    let outcome = s.run(&method, &params, false);
    let time = s.time_block(&method);
    match outcome {
        Ok(out) => {
            let mut body = json!({"result": out.result});
            if let Some(t) = out.total {
                body["total"] = json!(t);
            }
            if let Some(n) = out.next {
                body["next"] = json!(n);
            }
            body["time"] = time;
            json_response(200, &body)
        }
        Err(f) => {
            let mut body = error_body(&f);
            body["time"] = time;
            json_response(f.status, &body)
        }
    }
}

impl State {
    /// Runs one method: its time budget first, then the portal.
    fn run(&mut self, method: &str, params: &Value, from_batch: bool) -> Result<Out, Fail> {
        let now = unix_now();
        if self
            .faults
            .budget_spent
            .get(method)
            .is_some_and(|&until| now < until)
        {
            return Err(fail(
                429,
                "OPERATION_TIME_LIMIT",
                "Method is blocked due to operation time limit.",
            ));
        }
        let outcome = if from_batch {
            self.portal.command_parsed(method, params)
        } else {
            self.portal.call(method, params)
        };
        if outcome.is_ok() {
            self.executed.push(Logged {
                method: method.to_owned(),
                params: params.clone(),
                at: Instant::now(),
                rate_refused: false,
            });
        }
        outcome
    }

    fn batch(&mut self, params: &Value) -> Response {
        let Some(Value::Object(cmd)) = params.get("cmd") else {
            return json_response(
                400,
                &json!({"error": "", "error_description": "Parameter 'cmd' must be array."}),
            );
        };
        let halt = matches!(
            text(params.get("halt").unwrap_or(&Value::Null)).as_str(),
            "1" | "true"
        );
        let mut result = Map::new();
        let mut errors = Map::new();
        let mut totals = Map::new();
        let mut nexts = Map::new();
        let mut times = Map::new();
        for (i, (key, line)) in cmd.iter().enumerate() {
            if i >= 50 {
                errors.insert(
                    key.clone(),
                    json!({"error": "ERROR_BATCH_LENGTH_EXCEEDED", "error_description": "Max batch length exceeded"}),
                );
                continue;
            }
            if self.faults.fail_batch_after == Some(i) {
                self.faults.fail_batch_after = None;
                return json_response(
                    500,
                    &json!({"error": "INTERNAL_SERVER_ERROR", "error_description": "Internal server error"}),
                );
            }
            let (method, p) = php_query::split_command(&text(line));
            match self.run(&method, &p, true) {
                Ok(out) => {
                    result.insert(key.clone(), out.result);
                    if let Some(t) = out.total {
                        totals.insert(key.clone(), json!(t));
                    }
                    if let Some(n) = out.next {
                        nexts.insert(key.clone(), json!(n));
                    }
                    times.insert(key.clone(), self.time_block(&method));
                }
                Err(f) => {
                    errors.insert(key.clone(), error_body(&f));
                    if halt {
                        break;
                    }
                }
            }
        }
        // PHP writes an empty keyed array as `[]`.
        let php = |m: Map<String, Value>| {
            if m.is_empty() {
                json!([])
            } else {
                Value::Object(m)
            }
        };
        let body = json!({
            "result": {
                "result": php(result),
                "result_error": php(errors),
                "result_total": php(totals),
                "result_next": php(nexts),
                "result_time": php(times),
            },
            "time": self.time_block("batch"),
        });
        json_response(200, &body)
    }

    /// The `time` block of an answer to `method` (api-reference/data-types.md#time): each call
    /// adds a little to the method's `operating`, counted over ten minutes from its first call;
    /// while a method's budget is spent, `operating_reset_at` is when it frees up.
    fn time_block(&mut self, method: &str) -> Value {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs_f64();
        let second = unix_now();
        let entry = self
            .operating
            .entry(method.to_owned())
            .or_insert((second, 0.0));
        if second >= entry.0 + 600 {
            *entry = (second, 0.0);
        }
        entry.1 += 0.002;
        let reset_at = self
            .faults
            .budget_spent
            .get(method)
            .copied()
            .filter(|&u| u > second)
            .unwrap_or(entry.0 + 600);
        let date = |t: u64| {
            chrono::DateTime::from_timestamp(i64::try_from(t).unwrap(), 0)
                .unwrap()
                .format("%Y-%m-%dT%H:%M:%S+00:00")
                .to_string()
        };
        json!({
            "start": now - 0.002, "finish": now, "duration": 0.002, "processing": 0.001,
            "date_start": date(second), "date_finish": date(second),
            "operating_reset_at": reset_at, "operating": entry.1,
        })
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}
