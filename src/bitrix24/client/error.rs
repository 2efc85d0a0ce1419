//! Why a call to the portal did not give an answer, each kind with what the owner can do about
//! it. The texts are written in one place, [`Error::message`].
//!
//! No variant holds the webhook's secret: URLs are kept in their masked form, hosts alone
//! otherwise, and any text that came from outside regl is redacted before it is stored here.

use std::fmt;
use std::time::Duration;

#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// `BITRIX24_WEBHOOK_URL` is not set.
    WebhookMissing,
    /// `BITRIX24_WEBHOOK_URL` is not shaped like a webhook URL.
    WebhookMalformed(WebhookProblem),
    /// Plain http to a host that is not this machine.
    InsecureScheme { webhook: String },
    /// The webhook belongs to another portal than `[crm].portal`.
    PortalMismatch {
        webhook_host: String,
        portal: String,
    },
    /// `NO_AUTH_FOUND` and its kin: a wrong, deleted or expired webhook.
    BadCredentials { webhook: String, code: String },
    /// `METHOD_CONFIRM_WAITING`: an administrator has to confirm the method first.
    AwaitingConfirmation { method: String },
    /// `insufficient_scope`: the webhook was made without the scope this method needs.
    MissingScope { method: String, scope: String },
    /// The webhook's user may not do this (`INVALID_CREDENTIALS`, "Access denied.", …).
    InsufficientRights {
        method: String,
        user_id: u64,
        description: String,
    },
    /// `ACCESS_DENIED`: REST is only on commercial plans.
    RestNotOnPlan,
    /// `OVERLOAD_LIMIT`: a manual block by Bitrix24.
    RestBlocked,
    /// `ERROR_METHOD_NOT_FOUND`.
    MethodNotFound { method: String },
    /// The portal ran the method and refused the values it was given (`ERROR_CORE`, an empty
    /// code with a description, `ERROR_NOT_FOUND`, …): nothing was changed by this call.
    Refused {
        method: String,
        code: String,
        description: String,
    },
    /// `QUERY_LIMIT_EXCEEDED` (HTTP 503) on every try.
    RateLimited {
        method: String,
        attempts: u32,
        waited: Duration,
    },
    /// `OPERATION_TIME_LIMIT` (HTTP 429): this method's ten-minute time budget is spent.
    OperationTimeLimit {
        method: String,
        /// Unix time at which the oldest minute of the budget is freed, if the portal said.
        reset_at: Option<u64>,
    },
    /// No connection, or no answer, in the time allowed.
    Timeout {
        host: String,
        method: String,
        phase: TimeoutPhase,
        after: Duration,
    },
    /// The connection could not be made or broke off.
    Unreachable { host: String, reason: Unreachable },
    /// The TLS handshake failed (most often: a certificate no trusted root vouches for).
    Tls { host: String, detail: String },
    /// `PORTAL_DELETED`.
    PortalGone { host: String },
    /// The portal answered with a redirect: it was renamed.
    Redirected {
        host: String,
        /// The host the redirect points at; the rest of `Location` is dropped (it holds the
        /// secret).
        to_host: Option<String>,
    },
    /// HTTP 5xx: the portal failed while handling the request, which may or may not have
    /// taken effect.
    ServerError {
        method: String,
        status: u16,
        code: String,
    },
    /// An answer that is not Bitrix24's JSON envelope.
    UnexpectedAnswer {
        method: String,
        status: u16,
        detail: String,
    },
}

/// What is wrong with `BITRIX24_WEBHOOK_URL`; never quotes the value itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WebhookProblem {
    NotText,
    NotHttp,
    Credentials,
    NoHost,
    Port,
    NoRestPath,
    UserId,
    NoSecret,
    SecretChars,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeoutPhase {
    /// Resolving the name, connecting, the TLS handshake: the request never reached the portal.
    Connect,
    /// Sending the request or waiting for the answer: the portal may have acted on it.
    Answer,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unreachable {
    /// The name does not resolve.
    NoSuchHost,
    /// Nothing listens there.
    Refused,
    /// The connection broke off during the exchange.
    Dropped,
    /// Any other failure of the network.
    Network,
}

impl Error {
    /// Whether the request may have been carried out although no answer says so: after such
    /// an error a change is read back from the portal, never sent again blindly.
    pub fn may_have_run(&self) -> bool {
        match self {
            Error::Timeout { phase, .. } => *phase == TimeoutPhase::Answer,
            Error::Unreachable { reason, .. } => *reason == Unreachable::Dropped,
            Error::ServerError { .. } | Error::UnexpectedAnswer { .. } => true,
            _ => false,
        }
    }

    /// The text for the owner: what happened and what to do.
    pub fn message(&self) -> String {
        match self {
            Error::WebhookMissing => {
                "`BITRIX24_WEBHOOK_URL` is not set: create an incoming webhook on the \
                 portal (Applications → Developer resources → Other → Incoming webhook) and set \
                 the variable to its URL, `https://PORTAL/rest/USER_ID/SECRET/`"
                    .into()
            }
            Error::WebhookMalformed(p) => format!(
                "`BITRIX24_WEBHOOK_URL` is not a webhook URL: {}; it looks like \
                 `https://PORTAL/rest/USER_ID/SECRET/`",
                p.message()
            ),
            Error::InsecureScheme { webhook } => format!(
                "the webhook {webhook} uses plain http: Bitrix24 needs `https://` (plain http is \
                 only for a portal on this machine: 127.0.0.1, [::1] or localhost)"
            ),
            Error::PortalMismatch {
                webhook_host,
                portal,
            } => format!(
                "the webhook is for `{webhook_host}` but `[crm].portal` is `{portal}`: set \
                 `BITRIX24_WEBHOOK_URL` to a webhook of `{portal}`, or correct `[crm].portal`"
            ),
            Error::BadCredentials { webhook, code } => format!(
                "the portal does not accept the webhook {webhook} ({}): it was deleted, has \
                 expired, or its secret changed (an administrator who edits another user's \
                 webhook gets a new secret); copy the webhook's URL again and update \
                 `BITRIX24_WEBHOOK_URL`",
                code_or_status(code)
            ),
            Error::AwaitingConfirmation { method } => format!(
                "`{method}` waits for an administrator to confirm it on the portal: confirm it \
                 and run again"
            ),
            Error::MissingScope { method, scope } => format!(
                "the webhook may not call `{method}`: it lacks the `{scope}` scope; edit the \
                 incoming webhook (Applications → Developer resources) and add `{scope}`"
            ),
            Error::InsufficientRights {
                method,
                user_id,
                description,
            } => format!(
                "the portal refused `{method}` to the webhook's user {user_id} ({}): create the \
                 webhook as a portal administrator, or give user {user_id} the CRM and Open Lines \
                 settings permissions",
                description_or(description, "no permission")
            ),
            Error::RestNotOnPlan => {
                "the portal refuses REST calls (`ACCESS_DENIED`): the REST API \
                 needs a commercial Bitrix24 plan or a trial"
                    .into()
            }
            Error::RestBlocked => "Bitrix24 has blocked REST calls to this portal for overload \
                 (`OVERLOAD_LIMIT`, a manual block): ask Bitrix24 support to lift it"
                .into(),
            Error::MethodNotFound { method } => format!(
                "the portal has no method `{method}`: its module may be missing on this portal, \
                 or the webhook URL's path is wrong (it is `/rest/USER_ID/SECRET/`)"
            ),
            Error::Refused {
                method,
                code,
                description,
            } => format!(
                "the portal refused `{method}`: {} ({})",
                description_or(description, "no reason given"),
                code_or_status(code)
            ),
            Error::RateLimited {
                method,
                attempts,
                waited,
            } => format!(
                "the portal kept refusing `{method}` for its request rate limit \
                 (`QUERY_LIMIT_EXCEEDED`), {attempts} tries over {}: another integration may be \
                 calling the portal from this address; run again later",
                seconds(*waited)
            ),
            Error::OperationTimeLimit { method, reset_at } => match reset_at {
                Some(t) => format!(
                    "the portal has blocked `{method}` for its ten-minute time budget \
                     (`OPERATION_TIME_LIMIT`) until {}: run again after that",
                    utc(*t)
                ),
                None => format!(
                    "the portal has blocked `{method}` for its ten-minute time budget \
                     (`OPERATION_TIME_LIMIT`): run again in ten minutes"
                ),
            },
            Error::Timeout {
                host,
                method,
                phase: TimeoutPhase::Connect,
                after,
            } => format!(
                "no connection to `{host}` for `{method}` within {}: check the portal's \
                 address and this computer's network (a firewall or proxy may be in the way)",
                seconds(*after)
            ),
            Error::Timeout {
                host,
                method,
                phase: TimeoutPhase::Answer,
                after,
            } => format!(
                "`{host}` did not answer `{method}` within {}: the portal may be overloaded; \
                 run again later (the next run reads the portal first, so nothing is made twice)",
                seconds(*after)
            ),
            Error::Unreachable { host, reason } => format!(
                "cannot reach `{host}`: {}",
                match reason {
                    Unreachable::NoSuchHost =>
                        "the name does not resolve (a deleted or renamed portal, or a typo)",
                    Unreachable::Refused => "the connection was refused",
                    Unreachable::Dropped =>
                        "the connection broke off; run again (the next run reads the portal first)",
                    Unreachable::Network => "the network failed",
                }
            ),
            Error::Tls { host, detail } => format!(
                "the secure connection to `{host}` failed ({detail}): if the portal's certificate \
                 chains to a root only this computer trusts, add that root to the system's \
                 certificate store"
            ),
            Error::PortalGone { host } => format!(
                "the portal `{host}` is gone (`PORTAL_DELETED`): it was deleted or its public \
                 part is closed"
            ),
            Error::Redirected { host, to_host } => match to_host {
                Some(to) => format!(
                    "`{host}` redirects to `{to}`: the portal was renamed; copy the webhook's URL \
                     from `{to}` and update `BITRIX24_WEBHOOK_URL` and `[crm].portal` (regl never \
                     follows a redirect with the secret)"
                ),
                None => format!(
                    "`{host}` answers with a redirect: the portal may have been renamed; copy the \
                     webhook's URL from its new address and update `BITRIX24_WEBHOOK_URL` (regl \
                     never follows a redirect with the secret)"
                ),
            },
            Error::ServerError {
                method,
                status,
                code,
            } => format!(
                "the portal failed on `{method}` (HTTP {status}{}): a change may or may not have \
                 been made; run again (the next run reads the portal first, so nothing is made \
                 twice)",
                if code.is_empty() {
                    String::new()
                } else {
                    format!(", `{code}`")
                }
            ),
            Error::UnexpectedAnswer {
                method,
                status,
                detail,
            } => format!(
                "the answer to `{method}` is not Bitrix24's (HTTP {status}: {detail}): check that \
                 the webhook's host is the portal itself"
            ),
        }
    }
}

impl WebhookProblem {
    fn message(self) -> &'static str {
        match self {
            WebhookProblem::NotText => "it is not text",
            WebhookProblem::NotHttp => "it does not start with `https://`",
            WebhookProblem::Credentials => "it has a user name or password before the host",
            WebhookProblem::NoHost => "the portal's host is missing or malformed",
            WebhookProblem::Port => "the port is not a number up to 65535",
            WebhookProblem::NoRestPath => "the path does not start with `/rest/USER_ID/`",
            WebhookProblem::UserId => "the user id after `/rest/` is not a number",
            WebhookProblem::NoSecret => "the secret after the user id is missing",
            WebhookProblem::SecretChars => {
                "the secret has characters other than Latin letters, digits, `-` and `_`"
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}

fn code_or_status(code: &str) -> String {
    if code.is_empty() {
        "no error code".into()
    } else {
        format!("`{code}`")
    }
}

fn description_or<'a>(description: &'a str, fallback: &'a str) -> &'a str {
    let d = description.trim().trim_end_matches('.');
    if d.is_empty() { fallback } else { d }
}

fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 10.0 {
        format!("{s:.1} s")
    } else {
        format!("{s:.0} s")
    }
}

fn utc(unix: u64) -> String {
    i64::try_from(unix)
        .ok()
        .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
        .map_or_else(
            || format!("unix time {unix}"),
            |t| t.format("%Y-%m-%d %H:%M UTC").to_string(),
        )
}
