//! One HTTP exchange with the portal: a JSON POST through `ureq`, its answer read whole.
//!
//! The agent is set up for a webhook whose secret is in the path: redirects are never followed
//! (a renamed portal answers 302, b24restdocs `settings/how-to-call-rest-api/change-domen.md`;
//! following it would send the secret on and turn the POST into a GET), every phase has a
//! timeout so that nothing hangs, and 4xx/5xx answers are returned as answers, because their
//! JSON body says what went wrong. Certificates are checked against Mozilla's roots and the
//! system's store together: some Russian hosts chain to roots that only the OS has.
//! `ureq` logs URLs through the `log` crate at trace level; regl installs no logger.

use std::io;
use std::sync::Arc;
use std::time::Duration;

use ureq::tls::{Certificate, RootCerts, TlsConfig};

use super::error::{TimeoutPhase, Unreachable};

/// Answers bigger than this are not Bitrix24's: a page of 50 records is a few hundred KB.
const BODY_LIMIT: u64 = 32 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timeouts {
    /// Name resolution, TCP connect and TLS handshake, each.
    pub connect: Duration,
    /// Sending the request, then receiving the answer's head, then its body, each.
    pub answer: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            // The cloud cuts a request off after 60 s (limits.md); a little more to hear that.
            answer: Duration::from_secs(75),
        }
    }
}

/// The environment variable that shortens (or lengthens) the wait for each answer, in
/// whole seconds: for a slow link, or a test that must not wait 75 s for a silent host.
pub const TIMEOUT_ENV: &str = "BITRIX24_TIMEOUT";

impl Timeouts {
    /// [`Timeouts::default`], with the answer's wait from [`TIMEOUT_ENV`] when it is set; the
    /// connect wait is never longer than it. `Err` holds the value that is not a number of
    /// seconds from 1 to 600.
    pub fn from_env() -> Result<Self, String> {
        let mut t = Self::default();
        let Some(raw) = std::env::var_os(TIMEOUT_ENV) else {
            return Ok(t);
        };
        let raw = raw.to_string_lossy().trim().to_owned();
        if raw.is_empty() {
            return Ok(t);
        }
        match raw.parse::<u64>() {
            Ok(secs @ 1..=600) => {
                t.answer = Duration::from_secs(secs);
                t.connect = t.connect.min(t.answer);
                Ok(t)
            }
            _ => Err(raw),
        }
    }
}

/// An answer as it came over the wire.
#[derive(Debug)]
pub(crate) struct RawAnswer {
    pub status: u16,
    /// Only for a redirect: the host of `Location`, nothing else of it.
    pub location_host: Option<String>,
    pub body: String,
}

/// Why no answer came. Carries no URL: messages are made by the caller, with the host.
#[derive(Debug)]
pub(crate) enum Failure {
    Timeout(TimeoutPhase),
    Unreachable(Unreachable),
    Tls(String),
    /// Anything else; the text may quote the URL and must be redacted before it is shown.
    Other(String),
}

pub(crate) struct Transport {
    agent: ureq::Agent,
}

impl Transport {
    pub(crate) fn new(timeouts: Timeouts, loopback: bool) -> Self {
        let mut config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_resolve(Some(timeouts.connect))
            .timeout_connect(Some(timeouts.connect))
            .timeout_send_request(Some(timeouts.answer))
            .timeout_send_body(Some(timeouts.answer))
            .timeout_recv_response(Some(timeouts.answer))
            .timeout_recv_body(Some(timeouts.answer))
            .timeout_global(Some(timeouts.connect + timeouts.answer * 3))
            .user_agent(concat!("regl/", env!("CARGO_PKG_VERSION")))
            .accept("application/json");
        if loopback {
            // The stand-in on this machine is never reached through a proxy from the environment.
            config = config.proxy(None);
        } else {
            config = config.tls_config(TlsConfig::builder().root_certs(trusted_roots()).build());
        }
        Self {
            agent: config.build().new_agent(),
        }
    }

    pub(crate) fn post(&self, url: &str, body: &str) -> Result<RawAnswer, Failure> {
        let mut response = self
            .agent
            .post(url)
            .header("Content-Type", "application/json")
            .send(body)
            .map_err(failure)?;
        let status = response.status().as_u16();
        let location_host = if response.status().is_redirection() {
            response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .and_then(host_of)
        } else {
            None
        };
        let body = response
            .body_mut()
            .with_config()
            .limit(BODY_LIMIT)
            .read_to_string()
            .map_err(failure)?;
        Ok(RawAnswer {
            status,
            location_host,
            body,
        })
    }
}

/// Mozilla's roots, bundled, and whatever the system's store holds (none is fine).
fn trusted_roots() -> RootCerts {
    let bundled = webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .map(|c| Certificate::from_der(c.as_ref()));
    let system = rustls_native_certs::load_native_certs()
        .certs
        .into_iter()
        .map(|c| Certificate::from_der(c.as_ref()).to_owned());
    RootCerts::Specific(Arc::new(bundled.chain(system).collect()))
}

fn failure(e: ureq::Error) -> Failure {
    use ureq::Timeout as T;
    match e {
        ureq::Error::Timeout(T::Resolve | T::Connect) => Failure::Timeout(TimeoutPhase::Connect),
        ureq::Error::Timeout(_) => Failure::Timeout(TimeoutPhase::Answer),
        ureq::Error::HostNotFound => Failure::Unreachable(Unreachable::NoSuchHost),
        ureq::Error::ConnectionFailed => Failure::Unreachable(Unreachable::Network),
        // A failed handshake reaches us as an I/O error wrapping rustls's own.
        ureq::Error::Io(io) if io.get_ref().is_some_and(is_rustls) => {
            Failure::Tls(io.get_ref().map(ToString::to_string).unwrap_or_default())
        }
        ureq::Error::Io(io) => match io.kind() {
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => {
                Failure::Timeout(TimeoutPhase::Answer)
            }
            io::ErrorKind::ConnectionRefused => Failure::Unreachable(Unreachable::Refused),
            io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::UnexpectedEof => Failure::Unreachable(Unreachable::Dropped),
            io::ErrorKind::NetworkUnreachable
            | io::ErrorKind::HostUnreachable
            | io::ErrorKind::AddrNotAvailable
            | io::ErrorKind::NetworkDown => Failure::Unreachable(Unreachable::Network),
            _ => Failure::Other(io.to_string()),
        },
        ureq::Error::Rustls(e) => Failure::Tls(e.to_string()),
        ureq::Error::Tls(e) => Failure::Tls(e.to_owned()),
        other => Failure::Other(other.to_string()),
    }
}

fn is_rustls(e: &(dyn std::error::Error + Send + Sync + 'static)) -> bool {
    e.is::<rustls::Error>()
}

/// The host of a `Location` value, lower case; the path (which may hold the secret) is dropped.
fn host_of(location: &str) -> Option<String> {
    let rest = location.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    let host = if authority.starts_with('[') {
        &authority[..=authority.find(']')?]
    } else {
        authority.split(':').next()?
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_host_of_a_redirect_is_kept() {
        assert_eq!(
            host_of("https://New.bitrix24.ru/rest/1/secret/profile").as_deref(),
            Some("new.bitrix24.ru")
        );
        assert_eq!(
            host_of("http://127.0.0.1:8080/rest/1/s/x").as_deref(),
            Some("127.0.0.1")
        );
        assert_eq!(host_of("/relative/path"), None);
    }

    #[test]
    fn the_bundled_roots_are_there_without_a_system_store() {
        let RootCerts::Specific(certs) = trusted_roots() else {
            panic!()
        };
        assert!(certs.len() >= webpki_root_certs::TLS_SERVER_ROOT_CERTS.len());
    }
}
