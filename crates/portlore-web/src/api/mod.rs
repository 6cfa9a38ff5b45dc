//! Placeholder for the JSON API and feedback endpoints (issue 5 replaces this file).

/// State of the API.
#[derive(Clone, Debug)]
pub struct ApiState {}

impl ApiState {
    /// An API without a feedback store.
    pub fn disabled() -> ApiState {
        ApiState {}
    }
}

/// The API routes.
pub fn router() -> axum::Router<crate::AppState> {
    axum::Router::new()
}
