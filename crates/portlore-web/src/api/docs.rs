//! `/api/v1/openapi.json` and the reference at `/api/v1/docs`, rendered here from the
//! same OpenAPI document: every operation with its parameters, request body, an
//! example and the schema of each response. Plain HTML in the site's style, under the
//! site's own Content-Security-Policy: nothing loads from another origin, and it reads
//! the same without script or network.

use std::fmt::Write as _;
use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use serde_json::Value;
use utoipa::openapi::OpenApi;

use crate::render::render_template;
use crate::{AppState, Chrome, Lang, SiteConfig, escape};

pub fn router(doc: Arc<OpenApi>) -> Router<AppState> {
    let json = doc.to_json().unwrap_or_else(|_| "{}".into());
    let page: Arc<str> = page(&json).into();
    let json: Arc<str> = json.into();
    Router::new()
        .route(
            "/api/v1/openapi.json",
            get(move || {
                let json = json.clone();
                async move {
                    let mut r = json.to_string().into_response();
                    r.headers_mut().insert(
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("application/json"),
                    );
                    r
                }
            }),
        )
        .route(
            "/api/v1/docs",
            get(move || {
                let page = page.clone();
                async move { Html(page.to_string()) }
            }),
        )
}

#[derive(Template)]
#[template(path = "api_docs.html")]
struct DocsPage {
    c: Chrome,
    intro: String,
    toc: Vec<(String, String)>,
    body: String,
}

/// The reference page for an OpenAPI document (as JSON).
pub fn page(json: &str) -> String {
    let doc: Value = serde_json::from_str(json).unwrap_or(Value::Null);
    let title = doc["info"]["title"].as_str().unwrap_or("API").to_string();
    let mut c = Chrome::new(
        Lang::En,
        format!("{title} reference"),
        "/",
        &SiteConfig::new(""),
    )
    .rooted();
    // The reference is in English only: no switcher to pages it does not have.
    c.alternates.retain(|a| a.current);
    c.description =
        "Every operation of the portlore JSON API: parameters, examples and response schemas."
            .into();
    let mut toc = Vec::new();
    let mut body = String::new();
    let methods = ["get", "put", "post", "delete", "options", "head", "patch"];
    if let Some(paths) = doc["paths"].as_object() {
        for (path, item) in paths {
            for m in methods {
                let Some(op) = item.get(m) else { continue };
                let id = anchor(&format!("{m}-{path}"));
                toc.push((id.clone(), format!("{} {path}", m.to_uppercase())));
                operation(&mut body, &doc, &id, m, path, op);
            }
        }
    }
    if let Some(schemas) = doc["components"]["schemas"].as_object() {
        body.push_str("<section id=\"schemas\"><h2>Schemas</h2>\n");
        for (name, schema) in schemas {
            let _ = writeln!(
                body,
                "<h3 id=\"schema-{}\"><code>{}</code></h3>",
                anchor(name),
                escape(name)
            );
            schema_block(&mut body, schema);
        }
        body.push_str("</section>\n");
    }
    render_template(&DocsPage {
        c,
        intro: doc["info"]["description"]
            .as_str()
            .unwrap_or("")
            .to_string(),
        toc,
        body,
    })
}

/// An id made of letters, digits and dashes.
fn anchor(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

fn operation(out: &mut String, doc: &Value, id: &str, method: &str, path: &str, op: &Value) {
    let _ = writeln!(
        out,
        "<section class=\"op\" id=\"{id}\"><h2><span class=\"b info\">{}</span> <code>{}</code></h2>",
        method.to_uppercase(),
        escape(path)
    );
    for key in ["summary", "description"] {
        if let Some(text) = op[key].as_str() {
            if key == "description" && op["summary"].as_str() == Some(text) {
                continue;
            }
            let _ = writeln!(out, "<p>{}</p>", escape(text));
        }
    }
    if let Some(params) = op["parameters"].as_array().filter(|p| !p.is_empty()) {
        out.push_str(
            "<h3>Parameters</h3>\n<div class=\"scroll\"><table class=\"idx\"><thead><tr><th>Name<th>In<th>Type<th>Description</thead><tbody>\n",
        );
        for p in params {
            let p = resolve(doc, p);
            let required = if p["required"].as_bool().unwrap_or(false) {
                " <span class=\"muted\">required</span>"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code>{required}<td>{}<td>{}<td>{}",
                escape(p["name"].as_str().unwrap_or("")),
                escape(p["in"].as_str().unwrap_or("")),
                type_of(&p["schema"]),
                escape(p["description"].as_str().unwrap_or(""))
            );
        }
        out.push_str("</tbody></table></div>\n");
    }
    if let Some(example) = example_url(path, op) {
        let _ = writeln!(
            out,
            "<h3>Example</h3>\n<pre tabindex=\"0\"><code>curl '{}'</code></pre>",
            escape(&example)
        );
    }
    if let Some(content) = op["requestBody"]["content"].as_object() {
        out.push_str("<h3>Request body</h3>\n");
        for (media, c) in content {
            let _ = writeln!(
                out,
                "<p><code>{}</code>: {}</p>",
                escape(media),
                type_of(&c["schema"])
            );
        }
        if let Some(c) = content.values().next() {
            example_block(out, doc, &c["schema"]);
        }
    }
    if let Some(responses) = op["responses"].as_object() {
        out.push_str(
            "<h3>Responses</h3>\n<div class=\"scroll\"><table class=\"idx\"><thead><tr><th>Status<th>Description<th>Body</thead><tbody>\n",
        );
        for (status, resp) in responses {
            let resp = resolve(doc, resp);
            let body = resp["content"]
                .as_object()
                .and_then(|c| c.values().next())
                .map(|c| type_of(&c["schema"]))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code><td>{}<td>{body}",
                escape(status),
                escape(resp["description"].as_str().unwrap_or(""))
            );
        }
        out.push_str("</tbody></table></div>\n");
        let ok = responses
            .iter()
            .find(|(s, _)| s.starts_with('2'))
            .and_then(|(_, r)| resolve(doc, r)["content"].as_object().cloned())
            .and_then(|c| c.values().next().cloned());
        if let Some(c) = ok {
            out.push_str("<p>Example response:</p>\n");
            example_block(out, doc, &c["schema"]);
        }
    }
    out.push_str("</section>\n");
}

/// A request line with example values for the path and required parameters.
fn example_url(path: &str, op: &Value) -> Option<String> {
    let mut url = path.replace("{port}", "3147");
    let mut query = Vec::new();
    for p in op["parameters"].as_array().into_iter().flatten() {
        let name = p["name"].as_str().unwrap_or("");
        let value = match name {
            "q" => "rfio",
            "port" => "3147",
            "since" => "2026-01-01",
            "limit" => "5",
            _ => continue,
        };
        if p["in"] == "query" && (p["required"].as_bool().unwrap_or(false) || name == "q") {
            query.push(format!("{name}={value}"));
        }
    }
    if op.get("requestBody").is_some() {
        return None;
    }
    if !query.is_empty() {
        url.push('?');
        url.push_str(&query.join("&"));
    }
    Some(format!("http://127.0.0.1:7147{url}"))
}

/// Follows a local `$ref`.
fn resolve<'a>(doc: &'a Value, v: &'a Value) -> &'a Value {
    match v["$ref"].as_str().and_then(|r| r.strip_prefix("#/")) {
        Some(path) => {
            let mut at = doc;
            for part in path.split('/') {
                at = &at[part];
            }
            at
        }
        None => v,
    }
}

/// A schema's type in a few words, with links to named schemas.
fn type_of(s: &Value) -> String {
    if let Some(r) = s["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap_or(r);
        return format!(
            "<a href=\"#schema-{}\"><code>{}</code></a>",
            anchor(name),
            escape(name)
        );
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(list) = s[key].as_array() {
            let parts: Vec<String> = list
                .iter()
                .filter(|x| x["type"] != "null")
                .map(type_of)
                .collect();
            let nullable = list.iter().any(|x| x["type"] == "null");
            let mut t = parts.join(" or ");
            if nullable {
                t.push_str(" or null");
            }
            return t;
        }
    }
    if let Some(values) = s["enum"].as_array() {
        let v: Vec<String> = values
            .iter()
            .map(|v| format!("<code>{}</code>", escape(&plain(v))))
            .collect();
        return format!("one of {}", v.join(", "));
    }
    let ty = match &s["type"] {
        Value::String(t) => t.clone(),
        Value::Array(ts) => ts.iter().map(plain).collect::<Vec<_>>().join(" or "),
        _ => String::new(),
    };
    if ty == "array" {
        return format!("array of {}", type_of(&s["items"]));
    }
    let mut t = escape(&ty);
    if let Some(f) = s["format"].as_str() {
        let _ = write!(t, " ({})", escape(f));
    }
    let (min, max) = (&s["minimum"], &s["maximum"]);
    if !min.is_null() || !max.is_null() {
        let _ = write!(t, ", {}–{}", plain(min), plain(max));
    }
    if t.is_empty() {
        t.push_str("any");
    }
    t
}

fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        v => v.to_string(),
    }
}

/// A named schema: its description and a table of its properties.
fn schema_block(out: &mut String, schema: &Value) {
    if let Some(d) = schema["description"].as_str() {
        let _ = writeln!(out, "<p>{}</p>", escape(d));
    }
    let Some(props) = schema["properties"].as_object() else {
        let _ = writeln!(out, "<p>{}</p>", type_of(schema));
        return;
    };
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    out.push_str(
        "<div class=\"scroll\"><table class=\"idx\"><thead><tr><th>Field<th>Type<th>Description</thead><tbody>\n",
    );
    for (name, p) in props {
        let req = if required.contains(&name.as_str()) {
            " <span class=\"muted\">required</span>"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code>{req}<td>{}<td>{}",
            escape(name),
            type_of(p),
            escape(p["description"].as_str().unwrap_or(""))
        );
    }
    out.push_str("</tbody></table></div>\n");
}

fn example_block(out: &mut String, doc: &Value, schema: &Value) {
    let ex = example_of(doc, schema, 0);
    let text = serde_json::to_string_pretty(&ex).unwrap_or_default();
    let _ = writeln!(
        out,
        "<pre tabindex=\"0\"><code>{}</code></pre>",
        escape(&text)
    );
}

/// An example value for a schema: its own example, else one built from its parts.
fn example_of(doc: &Value, s: &Value, depth: u32) -> Value {
    let s = resolve(doc, s);
    if let Some(e) = s.get("example") {
        return e.clone();
    }
    if let Some(e) = s["examples"].as_array().and_then(|e| e.first()) {
        return e.clone();
    }
    if depth > 6 {
        return Value::Null;
    }
    if let Some(v) = s["enum"].as_array().and_then(|e| e.first()) {
        return v.clone();
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(first) = s[key]
            .as_array()
            .and_then(|l| l.iter().find(|x| x["type"] != "null"))
        {
            return example_of(doc, first, depth + 1);
        }
    }
    let ty = match &s["type"] {
        Value::Array(ts) => ts
            .iter()
            .find(|t| *t != "null")
            .map(plain)
            .unwrap_or_default(),
        t => plain(t),
    };
    match ty.as_str() {
        "object" => {
            let mut m = serde_json::Map::new();
            for (k, v) in s["properties"].as_object().into_iter().flatten() {
                m.insert(k.clone(), example_of(doc, v, depth + 1));
            }
            Value::Object(m)
        }
        "array" => Value::Array(vec![example_of(doc, &s["items"], depth + 1)]),
        "integer" => s["minimum"]
            .clone()
            .as_i64()
            .map_or(Value::from(0), Value::from),
        "number" => Value::from(0.0),
        "boolean" => Value::from(true),
        "string" => Value::from(match s["format"].as_str() {
            Some("date") => "2026-08-17",
            Some("date-time") => "2026-08-17T12:00:00Z",
            _ => "string",
        }),
        _ => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_names_every_operation_and_loads_nothing_from_elsewhere() {
        let json = crate::api::openapi().to_json().unwrap();
        let html = page(&json);
        for op in [
            "GET</span> <code>/api/v1/ports/{port}</code>",
            "POST</span> <code>/api/v1/feedback</code>",
        ] {
            assert!(html.contains(op), "{op}");
        }
        assert!(html.contains("<h3>Parameters</h3>"));
        assert!(html.contains("<h3>Responses</h3>"));
        assert!(html.contains("id=\"schemas\""));
        assert!(!html.contains("<script"));
        for attr in ["src=\"", "href=\""] {
            for (i, _) in html.match_indices(attr) {
                let v = &html[i + attr.len()..];
                assert!(
                    !(v.starts_with("http") || v.starts_with("//")),
                    "external {attr}{}",
                    &v[..v.len().min(60)]
                );
            }
        }
    }

    #[test]
    fn anchors_are_plain() {
        assert_eq!(anchor("get-/api/v1/ports/{port}"), "get-api-v1-ports-port");
    }
}
