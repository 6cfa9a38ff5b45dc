//! Read-only endpoints over the knowledge: port, search, ranges, registry changes.
//! Every parameter is parsed by hand so that bad input gets the API's JSON error.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use portlore_kb::curated::RangeFact;
use portlore_kb::{Assignment, RangeClass, RegistryMeta, SearchHit};
use serde::Serialize;
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use crate::AppState;

/// Largest `limit` any list endpoint accepts.
pub const MAX_LIMIT: usize = 500;

/// Query parameters as (name, value) pairs; repeated or unknown names are errors so a
/// typo is not silently ignored.
pub(super) fn params(raw: Option<&str>, known: &[&str]) -> Result<Vec<(String, String)>, ApiError> {
    let raw = raw.unwrap_or("");
    if raw.len() > 2048 {
        return Err(ApiError::bad_request(
            "the query string is longer than 2048 bytes",
        ));
    }
    let mut out: Vec<(String, String)> = Vec::new();
    for (k, v) in form_urlencoded::parse(raw.as_bytes()) {
        if !known.contains(&k.as_ref()) {
            return Err(ApiError::bad_request(format!(
                "unknown parameter {:?}; expected one of {}",
                k.chars().take(40).collect::<String>(),
                known.join(", ")
            )));
        }
        if out.iter().any(|(n, _)| n == &k) {
            return Err(ApiError::bad_request(format!(
                "parameter {k:?} given twice"
            )));
        }
        out.push((k.into_owned(), v.into_owned()));
    }
    Ok(out)
}

pub(super) fn get<'a>(p: &'a [(String, String)], name: &str) -> Option<&'a str> {
    p.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

pub(super) fn limit(p: &[(String, String)], default: usize) -> Result<usize, ApiError> {
    match get(p, "limit") {
        None => Ok(default),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .ok_or_else(|| ApiError::bad_request(format!("limit must be 1–{MAX_LIMIT}"))),
    }
}

/// A 503 for a registry store that fails its integrity check. The public message names
/// neither the file nor the damage; the log does.
pub(super) fn damaged(e: portlore_kb::IntegrityError) -> ApiError {
    tracing::error!(error = %e, "registry store integrity check failed");
    ApiError::unavailable(
        "the registry data on this server failed its integrity check; \
         the operator must run `portlore update --force`",
    )
}

pub(super) fn parse_port(s: &str) -> Result<u16, ApiError> {
    if s.is_empty() || s.len() > 5 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::bad_request(format!(
            "{:?} is not a port number (0–65535)",
            s.chars().take(20).collect::<String>()
        )));
    }
    s.parse::<u16>()
        .map_err(|_| ApiError::bad_request(format!("{s} is not a port number (0–65535)")))
}

/// Everything known about a port, on every transport.
#[utoipa::path(
    get,
    path = "/api/v1/ports/{port}",
    tag = "knowledge",
    params(("port" = u16, Path, description = "Port number, 0–65535", minimum = 0, maximum = 65535)),
    responses(
        (status = 200, description = "The port", body = portlore_kb::PortInfo),
        (status = 400, description = "Not a port number", body = ErrorBody),
    )
)]
pub async fn port(
    State(state): State<AppState>,
    Path(port): Path<String>,
) -> Result<Json<portlore_kb::PortInfo>, ApiError> {
    let port = parse_port(&port)?;
    Ok(Json(state.kb.port(port).map_err(damaged)?))
}

/// The answer for a port, as the site's page and the terminal word it: headline,
/// verdict, badges, advice, the condensed IANA record, history, threats, related ports
/// and the references the prose cites.
#[utoipa::path(
    get,
    path = "/api/v1/ports/{port}/outline",
    tag = "knowledge",
    params(
        ("port" = u16, Path, description = "Port number, 0–65535", minimum = 0, maximum = 65535),
        ("transport" = Option<portlore_kb::Transport>, Query, description = "Only this transport (default: every transport)"),
    ),
    responses(
        (status = 200, description = "The outline", body = portlore_kb::Outline),
        (status = 400, description = "Not a port number, or an unknown transport", body = ErrorBody),
        (status = 503, description = "The registry store is unreadable", body = ErrorBody),
    )
)]
pub async fn outline(
    State(state): State<AppState>,
    Path(port): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<portlore_kb::Outline>, ApiError> {
    let port = parse_port(&port)?;
    let p = params(raw.as_deref(), &["transport"])?;
    let transport = match get(&p, "transport") {
        None => None,
        Some(t) => Some(
            t.to_ascii_lowercase()
                .parse::<portlore_kb::Transport>()
                .map_err(|_| {
                    ApiError::bad_request(format!(
                        "transport must be tcp, udp, sctp or dccp, not {:?}",
                        t.chars().take(20).collect::<String>()
                    ))
                })?,
        ),
    };
    Ok(Json(state.kb.outline(port, transport).map_err(damaged)?))
}

/// Search results.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResults {
    /// The query as understood (trimmed, at most 200 characters).
    pub query: String,
    /// Best first.
    pub hits: Vec<SearchHit>,
}

/// Search service names, descriptions, organisations and curated knowledge.
#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "knowledge",
    params(
        ("q" = String, Query, description = "Words to look for (typos tolerated)", min_length = 1, max_length = 200),
        ("limit" = Option<usize>, Query, description = "At most this many hits (1–500, default 20)", minimum = 1, maximum = 500),
    ),
    responses(
        (status = 200, description = "Hits, best first", body = SearchResults),
        (status = 400, description = "Missing or bad parameter", body = ErrorBody),
    )
)]
pub async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchResults>, ApiError> {
    let p = params(raw.as_deref(), &["q", "limit"])?;
    let q = get(&p, "q").unwrap_or("").trim();
    if q.is_empty() {
        return Err(ApiError::bad_request(
            "parameter q (the search words) is required",
        ));
    }
    if q.chars().count() > 200 {
        return Err(ApiError::bad_request("q must be at most 200 characters"));
    }
    let limit = limit(&p, 20)?;
    Ok(Json(SearchResults {
        query: q.to_string(),
        hits: state.kb.search(q, limit).map_err(damaged)?,
    }))
}

/// One RFC 6335 range class.
#[derive(Debug, Serialize, ToSchema)]
pub struct RangeClassInfo {
    /// `system`, `user` or `dynamic`.
    pub class: RangeClass,
    /// First port.
    pub start: u16,
    /// Last port.
    pub end: u16,
    /// Binding needs privileges on Unix-like systems.
    pub privileged_on_unix: bool,
    /// IANA assigns ports in this class.
    pub iana_assigns: bool,
}

/// The port ranges.
#[derive(Debug, Serialize, ToSchema)]
pub struct Ranges {
    /// The three RFC 6335 classes.
    pub classes: Vec<RangeClassInfo>,
    /// Curated range facts (RFC 6335 ranges and operating systems' ephemeral ranges).
    pub facts: Vec<RangeFact>,
}

/// The RFC 6335 range classes and the operating systems' ephemeral ranges.
#[utoipa::path(
    get,
    path = "/api/v1/ranges",
    tag = "knowledge",
    responses((status = 200, description = "The ranges", body = Ranges))
)]
pub async fn ranges() -> Json<Ranges> {
    let classes = [RangeClass::System, RangeClass::User, RangeClass::Dynamic]
        .into_iter()
        .map(|class| {
            let info = portlore_kb::range_info(class.span().start);
            RangeClassInfo {
                class,
                start: class.span().start,
                end: class.span().end,
                privileged_on_unix: info.privileged_on_unix,
                iana_assigns: info.iana_assigns,
            }
        })
        .collect();
    Json(Ranges {
        classes,
        facts: portlore_kb::curated::get().ranges().collect(),
    })
}

/// Registry records changed since a date.
#[derive(Debug, Serialize, ToSchema)]
pub struct Changes {
    /// The cut-off date used (YYYY-MM-DD).
    pub since: String,
    /// The registry consulted; null when none is installed.
    pub registry: Option<RegistryMeta>,
    /// How many records changed in all (the list may be cut by `limit`).
    pub total: usize,
    /// Newest first.
    pub changes: Vec<Assignment>,
}

/// Registry records registered or modified on or after `since`, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/changes",
    tag = "knowledge",
    params(
        ("since" = Option<String>, Query, description = "Cut-off date, YYYY-MM-DD (default: one year before the registry's date)", format = Date),
        ("limit" = Option<usize>, Query, description = "At most this many records (1–500, default 100)", minimum = 1, maximum = 500),
    ),
    responses(
        (status = 200, description = "Changed records", body = Changes),
        (status = 400, description = "Bad parameter", body = ErrorBody),
        (status = 503, description = "The registry store is unreadable", body = ErrorBody),
    )
)]
pub async fn changes(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Changes>, ApiError> {
    let p = params(raw.as_deref(), &["since", "limit"])?;
    let limit = limit(&p, 100)?;
    let registry = state.kb.registry_meta();
    let since = match get(&p, "since") {
        Some(s) => valid_date(s)?,
        None => default_since(registry.as_ref()),
    };
    let kb = state.kb.clone();
    let since2 = since.clone();
    // Walks every record: keep it off the async workers.
    let mut changed = tokio::task::spawn_blocking(move || kb.changed_since(&since2))
        .await
        .map_err(|_| ApiError::unavailable("the change list could not be computed"))?
        .map_err(damaged)?;
    let total = changed.len();
    changed.truncate(limit);
    Ok(Json(Changes {
        since,
        registry,
        total,
        changes: changed,
    }))
}

fn valid_date(s: &str) -> Result<String, ApiError> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(s, fmt)
        .ok()
        .filter(|_| s.len() == 10)
        .map(|_| s.to_string())
        .ok_or_else(|| ApiError::bad_request("since must be a date, YYYY-MM-DD"))
}

fn default_since(registry: Option<&RegistryMeta>) -> String {
    let year: i32 = registry
        .and_then(|m| m.updated.as_deref())
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse().ok())
        .unwrap_or_else(|| time::OffsetDateTime::now_utc().year());
    let rest = registry
        .and_then(|m| m.updated.as_deref())
        .and_then(|d| d.get(4..10))
        .unwrap_or("-01-01");
    format!("{:04}{rest}", year - 1)
}
