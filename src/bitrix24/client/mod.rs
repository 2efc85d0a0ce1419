//! A small blocking client for a Bitrix24 portal's REST API through an incoming webhook: what
//! `regl push` reads and changes the portal with.
//!
//! - [`WebhookUrl`]: the URL from `BITRIX24_WEBHOOK_URL`, shown only masked.
//! - [`Client`]: [`call`](Client::call) one method, [`batch`](Client::batch) up to 50 in one
//!   request with an answer per command, [`list_all`](Client::list_all) every page of a list.
//! - [`RateLimit`] and the time budgets: the client paces itself to the portal's leaky bucket
//!   and waits out `QUERY_LIMIT_EXCEEDED` / `OPERATION_TIME_LIMIT` refusals.
//! - [`Error`]: every way a call can fail, each with a message that says what to do.
//!
//! A request the portal refused before running it — the rate limit (`QUERY_LIMIT_EXCEEDED`,
//! 503) or a method's time budget (`OPERATION_TIME_LIMIT`, 429) — is sent again after the
//! wait the limit asks for. Nothing else is retried here: after a 5xx, a timeout or a dropped
//! connection a write may or may not have happened, and only the caller, by reading the portal
//! again, can tell (the errors say so through [`Error::may_have_run`]).
//!
//! The facts (shapes, codes, limits) are Bitrix24's REST reference, `bitrix24/b24restdocs`;
//! each file names the pages it follows.

mod batch;
mod codes;
mod envelope;
mod error;
mod operating;
mod query;
mod rate_limit;
mod transport;
mod webhook;

pub use batch::{Command, CommandError, CommandFailure, MAX_COMMANDS};
pub use codes::scope_for;
pub use envelope::{Reply, TimeBlock, count};
pub use error::{Error, TimeoutPhase, Unreachable, WebhookProblem};
pub use operating::Operating;
pub use query::query_string;
pub use rate_limit::RateLimit;
pub use transport::{TIMEOUT_ENV, Timeouts};
pub use webhook::{WEBHOOK_ENV, WebhookUrl};

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::Value;

use self::batch::Item;
use self::codes::PortalError;
use self::envelope::Answer;
use self::operating::Ledger;
use self::rate_limit::{Bucket, backoff};
use self::transport::{Failure, Transport};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    pub timeouts: Timeouts,
    /// The pace the client keeps to on its own.
    pub rate: RateLimit,
    /// Tries for a request the portal refused before running it.
    pub attempts: u32,
    /// The longest single pause after a rate-limit refusal.
    pub max_backoff: Duration,
    /// The longest wait for a method's time budget to free up; beyond it the call fails with
    /// the time at which to run again.
    pub max_budget_wait: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            timeouts: Timeouts::default(),
            rate: RateLimit::PUSH,
            attempts: 8,
            max_backoff: Duration::from_secs(10),
            max_budget_wait: Duration::from_secs(120),
        }
    }
}

/// What the client has spent so far: for the verb's closing note and the tests.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Usage {
    /// HTTP requests sent, a batch counting as one, retries included.
    pub requests: u32,
    /// Requests per method (`batch` for batches).
    pub by_method: BTreeMap<String, u32>,
    /// Refusals for the request rate.
    pub rate_refusals: u32,
    /// Refusals for a method's time budget.
    pub budget_refusals: u32,
    /// Time spent waiting: pacing and backing off.
    pub waited: Duration,
    /// The time budget of each method, as last reported.
    pub operating: BTreeMap<String, Operating>,
}

/// Told the method of every request as it goes out: what a progress bar ticks on.
type Observer = Box<dyn Fn(&str) + Send + Sync>;

pub struct Client {
    webhook: WebhookUrl,
    options: Options,
    transport: Transport,
    state: Mutex<State>,
    observer: Mutex<Option<Observer>>,
}

#[derive(Debug)]
struct State {
    bucket: Bucket,
    ledger: Ledger,
    usage: Usage,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("webhook", &self.webhook)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// What to do after one exchange.
enum Step {
    Done(Result<Reply, Error>),
    Retry(Duration),
}

impl Client {
    pub fn new(webhook: WebhookUrl, options: Options) -> Self {
        let transport = Transport::new(options.timeouts, webhook.is_loopback());
        Self {
            state: Mutex::new(State {
                bucket: Bucket::new(options.rate, Instant::now()),
                ledger: Ledger::default(),
                usage: Usage::default(),
            }),
            webhook,
            options,
            transport,
            observer: Mutex::new(None),
        }
    }

    /// Calls `f` with the method of each request the client sends from now on (`batch` for a
    /// batch), retries included.
    pub fn on_request(&self, f: impl Fn(&str) + Send + Sync + 'static) {
        *self
            .observer
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Box::new(f));
    }

    pub fn webhook(&self) -> &WebhookUrl {
        &self.webhook
    }

    pub fn usage(&self) -> Usage {
        let state = self.state();
        let mut usage = state.usage.clone();
        usage.operating = state.ledger.snapshot();
        usage
    }

    /// Calls `method` with `params` (a JSON object) and returns its `result`.
    pub fn call(&self, method: &str, params: &Value) -> Result<Value, Error> {
        self.call_reply(method, params).map(|r| r.result)
    }

    /// Calls `method` and returns the whole answer: `result` with `total`, `next` and `time`.
    pub fn call_reply(&self, method: &str, params: &Value) -> Result<Reply, Error> {
        let body = params.to_string();
        let mut attempt = 0;
        let mut waited = Duration::ZERO;
        loop {
            attempt += 1;
            match self.exchange(method, &body, attempt, waited) {
                Step::Done(result) => return result,
                Step::Retry(pause) => {
                    self.sleep(pause);
                    waited += pause;
                }
            }
        }
    }

    /// Runs `commands` in `batch` requests of at most 50, with `halt = 0`, and answers each
    /// command in their order. Commands refused for a limit are sent again (only they); when a
    /// whole request fails, its commands are reported as such and the later ones are not sent.
    ///
    /// Ids must be unique and `[A-Za-z_][A-Za-z0-9_]*`; a batch cannot hold a `batch`.
    #[expect(
        clippy::result_large_err,
        reason = "one answer per command, moved once: boxing would only add indirection"
    )]
    pub fn batch(&self, commands: &[Command]) -> Vec<Result<Reply, CommandError>> {
        batch::check_ids(commands);
        let mut out: Vec<Option<Result<Reply, CommandError>>> = vec![None; commands.len()];
        let fail = |i: usize, failure: CommandFailure| -> Option<Result<Reply, CommandError>> {
            Some(Err(CommandError {
                id: commands[i].id.clone(),
                method: commands[i].method.clone(),
                failure,
            }))
        };
        let mut stopped: Option<Error> = None;
        let indices: Vec<usize> = (0..commands.len()).collect();
        for chunk in indices.chunks(MAX_COMMANDS) {
            if let Some(e) = &stopped {
                for &i in chunk {
                    out[i] = fail(i, CommandFailure::NotSent(e.clone()));
                }
                continue;
            }
            let mut pending = chunk.to_vec();
            let mut attempt = 1;
            while !pending.is_empty() {
                let sent: Vec<Command> = pending.iter().map(|&i| commands[i].clone()).collect();
                let reply = match self.call_reply("batch", &batch::request(&sent)) {
                    Ok(reply) => reply,
                    Err(e) => {
                        for &i in &pending {
                            let f = if e.may_have_run() {
                                CommandFailure::MaybeRun(e.clone())
                            } else {
                                CommandFailure::NotRun(e.clone())
                            };
                            out[i] = fail(i, f);
                        }
                        stopped = Some(e);
                        break;
                    }
                };
                let mut again = Vec::new();
                let mut pause = Duration::ZERO;
                for (&i, item) in pending.iter().zip(batch::items(&sent, &reply.result)) {
                    let method = commands[i].method.as_str();
                    match item {
                        Item::Reply(r) => {
                            if let Some(t) = &r.time {
                                self.state().ledger.record(method, t);
                            }
                            out[i] = Some(Ok(r));
                        }
                        Item::Error(pe) => match self.limit_pause(method, &pe, None, attempt) {
                            Ok(Some(p)) => {
                                pause = pause.max(p);
                                again.push(i);
                            }
                            Ok(None) => {
                                out[i] = fail(i, CommandFailure::NotRun(self.meaning(method, pe)));
                            }
                            Err(e) => out[i] = fail(i, CommandFailure::NotRun(e)),
                        },
                        Item::Missing => {
                            let e = Error::UnexpectedAnswer {
                                method: method.to_owned(),
                                status: 200,
                                detail: "the batch answer has neither a result nor an error for it"
                                    .into(),
                            };
                            out[i] = fail(i, CommandFailure::MaybeRun(e));
                        }
                    }
                }
                if !again.is_empty() {
                    self.sleep(pause);
                }
                pending = again;
                attempt += 1;
            }
        }
        out.into_iter()
            .map(|r| r.expect("every command is answered"))
            .collect()
    }

    /// Every record of a list method (`crm.lead.list`, `crm.status.list`, …), following
    /// `next`. When the first page gives `total`, the remaining pages are fetched together in
    /// batches: 1 + ⌈(pages − 1) / 50⌉ requests in all.
    pub fn list_all(&self, method: &str, params: &Value) -> Result<Vec<Value>, Error> {
        let first = self.call_reply(method, &with_start(params, 0))?;
        let mut records = records(method, first.result)?;
        let Some(mut start) = first.next else {
            return Ok(records);
        };
        let step = start.max(1);
        loop {
            let starts: Vec<u64> = match first.total {
                Some(total) if total > start => (start..total).step_by(step_of(step)).collect(),
                _ => vec![start],
            };
            let last = *starts.last().expect("at least one page");
            let next = if starts.len() == 1 {
                let page = self.call_reply(method, &with_start(params, start))?;
                records.extend(self::records(method, page.result)?);
                page.next
            } else {
                let commands: Vec<Command> = starts
                    .iter()
                    .map(|s| Command::new(format!("page_{s}"), method, with_start(params, *s)))
                    .collect();
                let mut next = None;
                for page in self.batch(&commands) {
                    let page = page.map_err(|e| e.error().clone())?;
                    next = page.next;
                    records.extend(self::records(method, page.result)?);
                }
                next
            };
            match next {
                Some(n) if n > last => start = n,
                _ => return Ok(records),
            }
        }
    }

    /// One request and what it calls for next.
    fn exchange(&self, method: &str, body: &str, attempt: u32, waited: Duration) -> Step {
        self.pace(method);
        let answer = match self.transport.post(&self.webhook.method_url(method), body) {
            Ok(a) => a,
            Err(f) => return Step::Done(Err(self.failure(method, f))),
        };
        if (300..400).contains(&answer.status) {
            return Step::Done(Err(Error::Redirected {
                host: self.webhook.authority(),
                to_host: answer.location_host,
            }));
        }
        match envelope::read(answer.status, &answer.body) {
            Answer::Reply(reply) => {
                if let Some(t) = &reply.time {
                    self.state().ledger.record(method, t);
                }
                Step::Done(Ok(reply))
            }
            Answer::Foreign(detail) if answer.status == 503 => {
                // A 503 page without the envelope (a proxy in front of the portal): refused
                // before it ran, like the rate limit.
                let pe = PortalError {
                    status: 503,
                    code: String::new(),
                    description: detail,
                };
                self.after_refusal(method, pe, None, attempt, waited)
            }
            Answer::Foreign(_) if answer.status >= 500 => Step::Done(Err(Error::ServerError {
                method: method.to_owned(),
                status: answer.status,
                code: String::new(),
            })),
            Answer::Foreign(detail) => Step::Done(Err(Error::UnexpectedAnswer {
                method: method.to_owned(),
                status: answer.status,
                detail,
            })),
            Answer::Error(pe, time) => self.after_refusal(method, pe, time, attempt, waited),
        }
    }

    fn after_refusal(
        &self,
        method: &str,
        pe: PortalError,
        time: Option<TimeBlock>,
        attempt: u32,
        waited: Duration,
    ) -> Step {
        match self.limit_pause(method, &pe, time.as_ref(), attempt) {
            Ok(Some(pause)) => Step::Retry(pause),
            Ok(None) => Step::Done(Err(self.meaning(method, pe))),
            Err(Error::RateLimited { .. }) => Step::Done(Err(Error::RateLimited {
                method: method.to_owned(),
                attempts: attempt,
                waited,
            })),
            Err(e) => Step::Done(Err(e)),
        }
    }

    /// For a refusal by one of the limits: the pause before the next try (`Ok(Some)`), or the
    /// error when tries or patience are used up. `Ok(None)` for any other error.
    fn limit_pause(
        &self,
        method: &str,
        pe: &PortalError,
        time: Option<&TimeBlock>,
        attempt: u32,
    ) -> Result<Option<Duration>, Error> {
        let mut state = self.state();
        if pe.is_rate_limit() {
            state.usage.rate_refusals += 1;
            state.bucket.fill(Instant::now());
            if attempt >= self.options.attempts {
                return Err(Error::RateLimited {
                    method: method.to_owned(),
                    attempts: attempt,
                    waited: Duration::ZERO,
                });
            }
            return Ok(Some(backoff(
                self.options.rate,
                attempt,
                self.options.max_backoff,
            )));
        }
        if pe.is_operation_time_limit() {
            state.usage.budget_refusals += 1;
            let now = unix_now();
            let at = state
                .ledger
                .retry_at(method, time, now, Duration::from_secs(10));
            let pause = Duration::from_secs(at.saturating_sub(now));
            if attempt >= self.options.attempts || pause > self.options.max_budget_wait {
                return Err(Error::OperationTimeLimit {
                    method: method.to_owned(),
                    reset_at: Some(at.saturating_sub(1)),
                });
            }
            return Ok(Some(pause));
        }
        Ok(None)
    }

    /// The meaning of an error answer, with the portal's text redacted.
    fn meaning(&self, method: &str, mut pe: PortalError) -> Error {
        pe.description = self.webhook.redact(&pe.description);
        pe.classify(
            method,
            self.webhook.user_id(),
            self.webhook.host(),
            &self.webhook.masked(),
        )
    }

    fn failure(&self, method: &str, f: Failure) -> Error {
        let host = self.webhook.authority();
        let method = method.to_owned();
        match f {
            Failure::Timeout(phase) => Error::Timeout {
                host,
                method,
                after: match phase {
                    TimeoutPhase::Connect => self.options.timeouts.connect,
                    TimeoutPhase::Answer => self.options.timeouts.answer,
                },
                phase,
            },
            Failure::Unreachable(reason) => Error::Unreachable { host, reason },
            Failure::Tls(detail) => Error::Tls {
                host,
                detail: self.webhook.redact(&detail),
            },
            Failure::Other(detail) => Error::UnexpectedAnswer {
                method,
                status: 0,
                detail: self.webhook.redact(&detail),
            },
        }
    }

    /// Waits for room in the bucket, then counts the request.
    fn pace(&self, method: &str) {
        let wait = self.state().bucket.wait(Instant::now());
        self.sleep(wait);
        {
            let mut state = self.state();
            state.bucket.take(Instant::now());
            state.usage.requests += 1;
            *state.usage.by_method.entry(method.to_owned()).or_default() += 1;
        }
        if let Some(f) = self
            .observer
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .as_ref()
        {
            f(method);
        }
    }

    fn sleep(&self, d: Duration) {
        if d.is_zero() {
            return;
        }
        std::thread::sleep(d);
        self.state().usage.waited += d;
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic elsewhere cannot leave the counters in a state worth refusing to read.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn with_start(params: &Value, start: u64) -> Value {
    let mut p = match params {
        Value::Object(m) => m.clone(),
        _ => serde_json::Map::new(),
    };
    p.insert("start".into(), Value::from(start));
    Value::Object(p)
}

fn step_of(step: u64) -> usize {
    usize::try_from(step).unwrap_or(usize::MAX)
}

/// The records of one page: a list, or under `items` for the `crm.item.*` family.
fn records(method: &str, result: Value) -> Result<Vec<Value>, Error> {
    match result {
        Value::Array(items) => Ok(items),
        Value::Object(mut m) if m.get("items").is_some_and(Value::is_array) => {
            let Some(Value::Array(items)) = m.remove("items") else {
                unreachable!()
            };
            Ok(items)
        }
        // PHP's empty list in an object's place.
        Value::Object(m) if m.is_empty() => Ok(Vec::new()),
        _ => Err(Error::UnexpectedAnswer {
            method: method.to_owned(),
            status: 200,
            detail: "a list method answered without a list".into(),
        }),
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
