//! `POST /api/v1/feedback` (the vote form and its script) and `GET` of the
//! aggregates.

use std::time::Instant;

use axum::Json;
use axum::body::{Body, to_bytes};
use axum::extract::{RawQuery, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use portlore_feedback::{
    AggregatePage, AggregateQuery, Choice, ClientNet, Lang, NewVote, PortFeedback, Recorded, Totals,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::client::check_origin;
use super::error::{ApiError, ErrorBody};
use super::knowledge::{get, limit, params, parse_port};
use crate::AppState;

/// A vote, as JSON or as the fields of the page's form.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteRequest {
    /// The port whose page is voted on.
    #[schema(minimum = 0, maximum = 65535)]
    #[serde(deserialize_with = "port_number")]
    pub port: u16,
    /// The page language (one the site serves, such as `fr`).
    #[schema(value_type = crate::Lang, example = "fr")]
    pub lang: String,
    /// The answer.
    pub choice: Choice,
}

/// The acknowledgement of a committed vote.
#[derive(Debug, Serialize, ToSchema)]
pub struct VoteAck {
    /// `new` for a first vote, `collapsed` when it replaced this client's earlier
    /// vote on the same page today.
    pub result: Recorded,
    /// The port.
    pub port: u16,
    /// The page language.
    pub lang: Lang,
    /// The answer stored.
    pub choice: Choice,
}

/// A port from any JSON number with no fraction: JSON Schema calls `65534.0` an
/// integer, so the API accepts it too.
fn port_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    let n = serde_json::Number::deserialize(d)?;
    let v = n.as_u64().or_else(|| {
        n.as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0)
            .map(|f| f as u64)
    });
    v.and_then(|v| u16::try_from(v).ok())
        .ok_or_else(|| serde::de::Error::custom("port must be an integer 0–65535"))
}

enum Format {
    Json,
    Form,
}

/// Records a vote. A plain HTML form post gets a 303 back to the page; a JSON post, or
/// any post that accepts `application/json`, gets a JSON acknowledgement. Either is sent
/// only after the vote is committed.
#[utoipa::path(
    post,
    path = "/api/v1/feedback",
    tag = "feedback",
    request_body(
        content(
            (VoteRequest = "application/json"),
            (VoteRequest = "application/x-www-form-urlencoded"),
        ),
        description = "The vote"
    ),
    responses(
        (status = 200, description = "Committed", body = VoteAck),
        (status = 303, description = "Committed; back to the page (form posts)"),
        (status = 400, description = "Malformed body", body = ErrorBody),
        (status = 403, description = "Posted from another site", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 415, description = "Neither JSON nor a form", body = ErrorBody),
        (status = 422, description = "Unknown language, port or choice", body = ErrorBody),
        (status = 429, description = "Too many votes from this client", body = ErrorBody),
        (status = 503, description = "The feedback store is unavailable", body = ErrorBody),
    )
)]
pub async fn post(State(state): State<AppState>, req: Request) -> Response {
    let started = Instant::now();
    // A browser's own form post (no script) gets a page in its language, not JSON.
    let page_back = navigating(req.headers()).then(|| req.headers().clone());
    let result = vote(&state, req).await;
    let outcome = match &result {
        Ok(_) => "ok",
        Err(e) => e.code(),
    };
    metrics::histogram!("portlore_vote_request_seconds", "outcome" => outcome)
        .record(started.elapsed().as_secs_f64());
    match result {
        Ok(r) => r,
        Err(e) => {
            metrics::counter!("portlore_votes_refused_total", "reason" => e.code()).increment(1);
            match page_back {
                Some(h) => refused_redirect(&h, &e),
                None => e.into_response(),
            }
        }
    }
}

async fn vote(state: &AppState, req: Request) -> Result<Response, ApiError> {
    let api = &state.api;
    let allowed_origin =
        check_origin(req.headers(), api.cors_origins()).map_err(ApiError::forbidden_origin)?;
    let client = api.rate_key().address(&req);
    if api
        .rate_limiter()
        .limiter()
        .check_key(&ClientNet::of(client))
        .is_err()
    {
        return Err(ApiError::rate_limited(api.retry_after_secs()));
    }
    let Some(store) = api.store() else {
        return Err(ApiError::unavailable(
            "feedback is not enabled on this server",
        ));
    };
    let format = match media_type(req.headers()).as_deref() {
        Some("application/json") => Format::Json,
        Some("application/x-www-form-urlencoded") => Format::Form,
        _ => {
            return Err(ApiError::unsupported_media(
                "send application/json or application/x-www-form-urlencoded",
            ));
        }
    };
    let wants_json = matches!(format, Format::Json) || accepts_json(req.headers());
    let cors_origin = allowed_origin.clone();
    let limit = api.body_limit();
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(ApiError::too_large(limit));
    }
    // Chunked bodies have no declared length: the read itself stops one byte past
    // the limit.
    let body = to_bytes(req.into_body(), limit).await.map_err(|e| {
        if is_length_limit(&e) {
            ApiError::too_large(limit)
        } else {
            ApiError::bad_request("the request body could not be read")
        }
    })?;
    let v: VoteRequest = match format {
        Format::Json => serde_json::from_slice(&body)
            .map_err(|e| ApiError::invalid(format!("invalid vote: {e}")))?,
        Format::Form => parse_form(&body)?,
    };
    if crate::Lang::from_code(&v.lang).is_none() {
        return Err(ApiError::invalid(format!(
            "lang {:?} is not a language of this site",
            v.lang.chars().take(20).collect::<String>()
        )));
    }
    let lang: Lang = v
        .lang
        .parse()
        .map_err(|e: portlore_feedback::FeedbackError| ApiError::invalid(e.to_string()))?;
    let new = NewVote {
        port: v.port,
        lang: lang.clone(),
        choice: v.choice,
        client,
        at: time::OffsetDateTime::now_utc(),
    };
    let started = Instant::now();
    let recorded = store.record(&new).await.map_err(|e| {
        tracing::warn!(error = %e, source = ?std::error::Error::source(&e), "vote not stored");
        ApiError::unavailable("the vote could not be stored; try again")
    })?;
    metrics::histogram!("portlore_vote_commit_seconds", "backend" => store.backend())
        .record(started.elapsed().as_secs_f64());
    let result = match recorded {
        Recorded::New => "new",
        Recorded::Collapsed => "collapsed",
    };
    metrics::counter!("portlore_votes_total", "choice" => v.choice.as_str(), "result" => result)
        .increment(1);
    if wants_json {
        let mut r = Json(VoteAck {
            result: recorded,
            port: v.port,
            lang,
            choice: v.choice,
        })
        .into_response();
        r.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        allow_origin(&mut r, cors_origin.as_deref());
        return Ok(r);
    }
    let target = crate::vote_redirect_target(lang.as_str(), v.port)
        .ok_or_else(|| ApiError::invalid("unknown language"))?;
    // A page exported to another (allowed) origin goes back there.
    let location = format!("{}{target}", allowed_origin.unwrap_or_default());
    let mut r = Response::new(Body::empty());
    *r.status_mut() = StatusCode::SEE_OTHER;
    if let Ok(v) = HeaderValue::from_str(&location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(r)
}

/// Whether the request is a browser submitting the vote form by itself: it asks for
/// HTML, not JSON (the vote script asks for JSON; programs ask for either).
fn navigating(h: &HeaderMap) -> bool {
    let accept = h
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    accept.contains("text/html") && !accept.contains("application/json")
}

/// `303` to the feedback overview, which says in the reader's language why the vote
/// was not recorded.
fn refused_redirect(h: &HeaderMap, e: &ApiError) -> Response {
    let to = super::overview::refused_location(h, super::overview::Refusal::from_code(e.code()));
    let mut r = Response::new(Body::empty());
    *r.status_mut() = StatusCode::SEE_OTHER;
    if let Ok(v) = HeaderValue::from_str(&to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn media_type(h: &HeaderMap) -> Option<String> {
    let v = h.get(header::CONTENT_TYPE)?.to_str().ok()?;
    Some(v.split(';').next()?.trim().to_ascii_lowercase())
}

fn accepts_json(h: &HeaderMap) -> bool {
    h.get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/json"))
}

fn is_length_limit(e: &axum::Error) -> bool {
    let mut src: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = src {
        if s.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        src = s.source();
    }
    false
}

fn parse_form(body: &[u8]) -> Result<VoteRequest, ApiError> {
    let (mut port, mut lang, mut choice) = (None, None, None);
    for (k, v) in form_urlencoded::parse(body) {
        let slot = match k.as_ref() {
            "port" => &mut port,
            "lang" => &mut lang,
            "choice" => &mut choice,
            other => {
                return Err(ApiError::invalid(format!(
                    "unknown field {:?}",
                    other.chars().take(20).collect::<String>()
                )));
            }
        };
        if slot.replace(v.into_owned()).is_some() {
            return Err(ApiError::invalid(format!("field {k} given twice")));
        }
    }
    let missing = |f: &str| ApiError::invalid(format!("field {f} is required"));
    let port = port.ok_or_else(|| missing("port"))?;
    let port = parse_port(&port).map_err(|_| ApiError::invalid("port must be 0–65535"))?;
    let choice: Choice = choice
        .ok_or_else(|| missing("choice"))?
        .parse()
        .map_err(|e: portlore_feedback::FeedbackError| ApiError::invalid(e.to_string()))?;
    Ok(VoteRequest {
        port,
        lang: lang.ok_or_else(|| missing("lang"))?,
        choice,
    })
}

/// The feedback aggregates: one page of the ranking.
#[derive(Debug, Serialize, ToSchema)]
pub struct Aggregates {
    /// Totals over every stored vote.
    pub totals: Totals,
    /// Ports that match the filter, over all pages.
    pub matching: u64,
    /// Ports skipped before this page.
    pub offset: u64,
    /// The page size asked for.
    pub limit: u64,
    /// The `offset` of the next page, or `null` on the last one.
    pub next_offset: Option<u64>,
    /// Ports ranked by unhelpful votes, then by all votes, then by port.
    pub ports: Vec<PortFeedback>,
}

/// The largest `offset` accepted: past it there are no ports left.
pub const MAX_OFFSET: usize = 65_536;

/// The `offset` parameter: 0 to [`MAX_OFFSET`], default 0.
pub(super) fn offset(p: &[(String, String)]) -> Result<usize, ApiError> {
    match get(p, "offset") {
        None => Ok(0),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|&n| n <= MAX_OFFSET && (v == "0" || !v.starts_with('0')))
            .ok_or_else(|| ApiError::bad_request(format!("offset must be 0–{MAX_OFFSET}"))),
    }
}

/// Ports ranked by unhelpful votes, with counts per language, a page at a time.
#[utoipa::path(
    get,
    path = "/api/v1/feedback",
    tag = "feedback",
    params(
        ("port" = Option<u16>, Query, description = "Only this port", minimum = 0, maximum = 65535),
        ("since" = Option<String>, Query, description = "Only votes on or after this UTC date, YYYY-MM-DD", format = Date),
        ("limit" = Option<usize>, Query, description = "At most this many ports (1–500, default 50)", minimum = 1, maximum = 500),
        ("offset" = Option<usize>, Query, description = "Skip this many ports of the ranking (0–65536, default 0); see next_offset", minimum = 0, maximum = 65536),
    ),
    responses(
        (status = 200, description = "The aggregates", body = Aggregates),
        (status = 400, description = "Bad parameter", body = ErrorBody),
        (status = 503, description = "The feedback store is unavailable", body = ErrorBody),
    )
)]
pub async fn aggregates(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Aggregates>, ApiError> {
    let p = params(raw.as_deref(), &["port", "since", "limit", "offset"])?;
    let query = AggregateQuery {
        port: get(&p, "port").map(parse_port).transpose()?,
        since: get(&p, "since").map(parse_day).transpose()?,
        limit: Some(limit(&p, 50)?),
        offset: offset(&p)?,
    };
    read_aggregates(&state, &query).await.map(Json)
}

/// One page of the aggregates, as the API serves it; for pages that show them. The
/// store reads counters kept with each vote (cost independent of the number of
/// votes), one read at a time, shared by concurrent readers.
pub async fn read_aggregates(
    state: &AppState,
    query: &AggregateQuery,
) -> Result<Aggregates, ApiError> {
    let Some(store) = state.api.store() else {
        return Err(ApiError::unavailable(
            "feedback is not enabled on this server",
        ));
    };
    let started = Instant::now();
    let page: AggregatePage = store.page(query).await.map_err(|e| {
        tracing::warn!(error = %e, "feedback aggregates unavailable");
        ApiError::unavailable("the feedback store could not be read")
    })?;
    metrics::histogram!("portlore_aggregates_read_seconds", "backend" => store.backend())
        .record(started.elapsed().as_secs_f64());
    let limit = query.limit.unwrap_or(usize::MAX) as u64;
    let shown = page.offset + page.ports.len() as u64;
    Ok(Aggregates {
        totals: page.totals,
        matching: page.matching,
        offset: page.offset,
        limit,
        next_offset: (shown < page.matching && !page.ports.is_empty()).then_some(shown),
        ports: page.ports,
    })
}

fn parse_day(s: &str) -> Result<time::OffsetDateTime, ApiError> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(s, fmt)
        .ok()
        .filter(|_| s.len() == 10)
        .map(|d| d.midnight().assume_utc())
        .ok_or_else(|| ApiError::bad_request("since must be a date, YYYY-MM-DD"))
}

/// Lets script on an allowed origin read the answer.
fn allow_origin(r: &mut Response, origin: Option<&str>) {
    if let Some(v) = origin.and_then(|o| HeaderValue::from_str(o).ok()) {
        r.headers_mut()
            .insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
        r.headers_mut()
            .insert(header::VARY, HeaderValue::from_static("Origin"));
    }
}

/// `OPTIONS /api/v1/feedback`: the CORS preflight of a JSON vote from another
/// origin, allowed only for `--cors-origin` origins.
pub async fn preflight(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let allowed = origin.filter(|o| state.api.cors_origins().iter().any(|a| a == "*" || a == o));
    let mut r = StatusCode::NO_CONTENT.into_response();
    r.headers_mut().insert(
        header::ALLOW,
        HeaderValue::from_static("GET, HEAD, POST, OPTIONS"),
    );
    if allowed.is_some() {
        allow_origin(&mut r, allowed);
        let h = r.headers_mut();
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("POST"),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("content-type, accept"),
        );
        h.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("3600"),
        );
    }
    r
}
