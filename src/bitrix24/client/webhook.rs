//! The incoming webhook's URL, `https://PORTAL/rest/USER_ID/SECRET/`: read from
//! `BITRIX24_WEBHOOK_URL` only, checked, and shown only with its secret masked.
//!
//! The secret is the webhook's whole authority (Bitrix24: "do not pass the webhook URL to third
//! parties"), and it sits in the URL's path, so every route by which a URL reaches a person —
//! `Display`, `Debug`, an error, a log line — goes through [`WebhookUrl::masked`]. Only the
//! transport sees the full URL, through [`WebhookUrl::method_url`].

use std::fmt;

use super::error::{Error, WebhookProblem};

/// The one place the webhook URL may come from (SPEC §8): never a file, never an argument.
pub const WEBHOOK_ENV: &str = "BITRIX24_WEBHOOK_URL";

/// What stands for the secret in everything a person sees.
const MASK: &str = "***";

#[derive(Clone, PartialEq, Eq)]
pub struct WebhookUrl {
    https: bool,
    /// Lower case, without a trailing dot; an IPv6 address keeps its brackets.
    host: String,
    port: Option<u16>,
    user_id: u64,
    secret: Secret,
}

/// The webhook's code. Its own type so that no derive or format can print it by accident.
#[derive(Clone, PartialEq, Eq)]
struct Secret(String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

impl WebhookUrl {
    /// Reads [`WEBHOOK_ENV`].
    pub fn from_env() -> Result<Self, Error> {
        match std::env::var_os(WEBHOOK_ENV) {
            None => Err(Error::WebhookMissing),
            Some(v) if v.is_empty() => Err(Error::WebhookMissing),
            Some(v) => match v.into_string() {
                Ok(s) => Self::parse(&s),
                Err(_) => Err(Error::WebhookMalformed(WebhookProblem::NotText)),
            },
        }
    }

    /// Accepts the URL as the portal shows it, with or without the trailing `/`, and also with a
    /// method pasted after it (`…/SECRET/profile.json?x=1`), which is cut off. `https` is required
    /// except on a loopback address, where the tests' stand-in portal answers over plain http.
    pub fn parse(input: &str) -> Result<Self, Error> {
        use WebhookProblem as P;
        let input = input.trim();
        let (https, rest) = if let Some(r) = strip_prefix_ci(input, "https://") {
            (true, r)
        } else if let Some(r) = strip_prefix_ci(input, "http://") {
            (false, r)
        } else {
            return Err(Error::WebhookMalformed(P::NotHttp));
        };
        let rest = rest.split(['?', '#']).next().unwrap_or_default();
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if authority.contains('@') {
            return Err(Error::WebhookMalformed(P::Credentials));
        }
        let (host, port) = split_host_port(authority)?;
        let mut segments = path.split('/').skip(1);
        if segments.next() != Some("rest") {
            return Err(Error::WebhookMalformed(P::NoRestPath));
        }
        let user_id = match segments.next() {
            Some(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
                s.parse().map_err(|_| Error::WebhookMalformed(P::UserId))?
            }
            Some(s) if !s.is_empty() => return Err(Error::WebhookMalformed(P::UserId)),
            _ => return Err(Error::WebhookMalformed(P::NoRestPath)),
        };
        let secret = match segments.next() {
            Some(s) if !s.is_empty() => s,
            _ => return Err(Error::WebhookMalformed(P::NoSecret)),
        };
        if !secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            return Err(Error::WebhookMalformed(P::SecretChars));
        }
        let url = Self {
            https,
            host,
            port,
            user_id,
            secret: Secret(secret.to_owned()),
        };
        if !url.https && !url.is_loopback() {
            return Err(Error::InsecureScheme {
                webhook: url.masked(),
            });
        }
        Ok(url)
    }

    /// The portal's host, without the port: what `[crm].portal` names.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// `host[:port]`: what messages about the connection name.
    pub fn authority(&self) -> String {
        match self.port {
            Some(p) => format!("{}:{p}", self.host),
            None => self.host.clone(),
        }
    }

    /// The employee who made the webhook; calls run with that employee's permissions.
    pub fn user_id(&self) -> u64 {
        self.user_id
    }

    /// `127.0.0.1`, `[::1]` or `localhost`, any port: the only hosts allowed plain http and
    /// spared the `[crm].portal` check.
    pub fn is_loopback(&self) -> bool {
        matches!(self.host.as_str(), "127.0.0.1" | "[::1]" | "localhost")
    }

    /// `https://PORTAL/rest/USER_ID/***/`: the only form of the URL a person ever sees.
    pub fn masked(&self) -> String {
        format!(
            "{}://{}/rest/{}/{MASK}/",
            self.scheme(),
            self.authority(),
            self.user_id
        )
    }

    /// Refuses a webhook of another portal than `[crm].portal` (SPEC §8), so a URL left in the
    /// environment from another business never changes the wrong CRM.
    pub fn check_portal(&self, portal: &str) -> Result<(), Error> {
        if self.is_loopback() {
            return Ok(());
        }
        let expected = portal.trim().trim_end_matches('.').to_ascii_lowercase();
        if self.host == expected {
            Ok(())
        } else {
            Err(Error::PortalMismatch {
                webhook_host: self.host.clone(),
                portal: portal.trim().to_owned(),
            })
        }
    }

    /// The full URL of `method`, secret included: for the transport and nothing else.
    pub(crate) fn method_url(&self, method: &str) -> String {
        format!(
            "{}://{}/rest/{}/{}/{method}",
            self.scheme(),
            self.authority(),
            self.user_id,
            self.secret.0
        )
    }

    /// `text` with every occurrence of the secret masked: for text that did not come from
    /// regl (an HTTP library's error, a server's description), which might quote the URL.
    pub(crate) fn redact(&self, text: &str) -> String {
        text.replace(&self.secret.0, MASK)
    }

    fn scheme(&self) -> &'static str {
        if self.https { "https" } else { "http" }
    }
}

impl fmt::Display for WebhookUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl fmt::Debug for WebhookUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("WebhookUrl").field(&self.masked()).finish()
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

fn split_host_port(authority: &str) -> Result<(String, Option<u16>), Error> {
    let bad = |p| Error::WebhookMalformed(p);
    let (host, port) = if authority.starts_with('[') {
        let end = authority
            .find(']')
            .ok_or_else(|| bad(WebhookProblem::NoHost))?;
        let (h, after) = authority.split_at(end + 1);
        match after.strip_prefix(':') {
            Some(p) => (h, Some(p)),
            None if after.is_empty() => (h, None),
            None => return Err(bad(WebhookProblem::NoHost)),
        }
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let host_ok = !host.is_empty()
        && (host.starts_with('[')
            || host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'));
    if !host_ok {
        return Err(bad(WebhookProblem::NoHost));
    }
    let port = match port {
        None => None,
        Some(p) => Some(p.parse::<u16>().map_err(|_| bad(WebhookProblem::Port))?),
    };
    Ok((host, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://lada.bitrix24.ru/rest/7/a1b2c3d4e5f6g7h8/";

    #[test]
    fn parses_the_shape_the_portal_shows() {
        let w = WebhookUrl::parse(URL).unwrap();
        assert_eq!(w.host(), "lada.bitrix24.ru");
        assert_eq!(w.user_id(), 7);
        assert_eq!(w.masked(), "https://lada.bitrix24.ru/rest/7/***/");
        assert_eq!(
            w.method_url("profile"),
            "https://lada.bitrix24.ru/rest/7/a1b2c3d4e5f6g7h8/profile"
        );
    }

    #[test]
    fn accepts_a_pasted_method_and_no_trailing_slash() {
        for s in [
            "https://lada.bitrix24.ru/rest/7/a1b2c3d4e5f6g7h8",
            "  HTTPS://Lada.Bitrix24.ru/rest/7/a1b2c3d4e5f6g7h8/profile.json?x=1\n",
        ] {
            let w = WebhookUrl::parse(s).unwrap();
            assert_eq!(w.masked(), "https://lada.bitrix24.ru/rest/7/***/");
        }
    }

    #[test]
    fn display_debug_and_errors_never_show_the_secret() {
        let w = WebhookUrl::parse(URL).unwrap();
        for shown in [format!("{w}"), format!("{w:?}"), format!("{w:#?}")] {
            assert!(!shown.contains("a1b2c3d4e5f6g7h8"), "{shown}");
        }
        let bad = [
            "https://lada.bitrix24.ru/rest/a1b2c3d4e5f6g7h8/",
            "https://lada.bitrix24.ru/a1b2c3d4e5f6g7h8/",
            "http://lada.bitrix24.ru/rest/7/a1b2c3d4e5f6g7h8/",
            "https://u:a1b2c3d4e5f6g7h8@lada.bitrix24.ru/rest/7/x/",
            "ftp://lada.bitrix24.ru/rest/7/a1b2c3d4e5f6g7h8/",
            "https://lada.bitrix24.ru:99999/rest/7/a1b2c3d4e5f6g7h8/",
            "https://lada.bitrix24.ru/rest/7/a1b2c3d4e5f6g7h8%/",
        ];
        for s in bad {
            let e = WebhookUrl::parse(s).unwrap_err();
            for shown in [e.to_string(), format!("{e:?}")] {
                assert!(!shown.contains("a1b2c3d4e5f6g7h8"), "{s}: {shown}");
            }
        }
    }

    #[test]
    fn plain_http_only_on_loopback() {
        for s in [
            "http://127.0.0.1:8080/rest/1/s/",
            "http://[::1]:9/rest/1/s/",
            "http://localhost/rest/1/s/",
        ] {
            let w = WebhookUrl::parse(s).unwrap();
            assert!(w.is_loopback());
            w.check_portal("lada.bitrix24.ru").unwrap();
        }
        let e = WebhookUrl::parse("http://10.0.0.1/rest/1/s/").unwrap_err();
        assert!(matches!(e, Error::InsecureScheme { .. }), "{e:?}");
    }

    #[test]
    fn the_host_must_be_the_configured_portal() {
        let w = WebhookUrl::parse(URL).unwrap();
        w.check_portal("LADA.bitrix24.ru").unwrap();
        let e = w.check_portal("omsk.bitrix24.ru").unwrap_err();
        assert!(matches!(e, Error::PortalMismatch { .. }), "{e:?}");
    }

    #[test]
    fn redacts_the_secret_in_foreign_text() {
        let w = WebhookUrl::parse(URL).unwrap();
        assert_eq!(
            w.redact("GET /rest/7/a1b2c3d4e5f6g7h8/x failed"),
            "GET /rest/7/***/x failed"
        );
    }
}
