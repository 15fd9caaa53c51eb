//! The handlers of the Orders service. Each fails the way a real handler fails: it returns
//! `Err(ErrorBody)` (or the body itself), built by its code's constructor, and axum sends it
//! with its status and content type through the `IntoResponse` that errspec generates.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::Json;
use axum::extract::{Path, Query};
use serde::{Deserialize, Serialize};

use crate::errors::ErrorBody;

/// The largest amount an account may charge.
const MAX_AMOUNT: f64 = 10_000.0;

/// A charge made.
#[derive(Serialize)]
pub struct Charge {
    amount: f64,
}

/// The query of `POST /charges`.
#[derive(Deserialize)]
pub struct ChargeQuery {
    amount: f64,
}

/// `GET /health`: the route that succeeds.
pub async fn health() -> &'static str {
    "ok"
}

/// `GET /orders/{id}`: this example keeps no orders, so no id is found.
pub async fn order(Path(id): Path<String>) -> Result<Json<Charge>, ErrorBody> {
    Err(ErrorBody::order_not_found(id))
}

/// `POST /charges?amount=...`: an amount must be above zero and at most `MAX_AMOUNT`. The
/// code has no message template, so the handler writes the message.
pub async fn charge(Query(query): Query<ChargeQuery>) -> Result<Json<Charge>, ErrorBody> {
    if !(query.amount > 0.0 && query.amount <= MAX_AMOUNT) {
        let message = format!("The amount must be above 0 and at most {MAX_AMOUNT}.");
        return Err(ErrorBody::invalid_amount(message, query.amount, MAX_AMOUNT));
    }
    Ok(Json(Charge {
        amount: query.amount,
    }))
}

/// `GET /quota`: this example's account has used up its quota.
pub async fn quota() -> Result<Json<Charge>, ErrorBody> {
    Err(ErrorBody::quota_exceeded(100, "hour", Some("free".to_owned())))
}

/// `GET /reports`: reads from a database that is always down in this example.
pub async fn reports() -> Result<String, ErrorBody> {
    let reports = database().map_err(|cause| internal_error(&cause))?;
    Ok(reports)
}

/// `GET /admin`: down for maintenance.
pub async fn admin() -> ErrorBody {
    ErrorBody::maintenance()
}

/// The body of a failure on the server's side. Its cause (a host name, a query, a path) goes
/// to the log under a new incident id, and the client gets the id, never the cause: the
/// code's message template leaves no room for it.
fn internal_error(cause: &dyn std::error::Error) -> ErrorBody {
    static INCIDENTS: AtomicU64 = AtomicU64::new(1);
    let incident = format!("inc-{}", INCIDENTS.fetch_add(1, Ordering::Relaxed));
    eprintln!("incident {incident}: {cause}");
    ErrorBody::internal(incident)
}

/// The database of this example, which is always down.
fn database() -> std::io::Result<String> {
    Err(std::io::Error::other("connection refused: db.internal:5432"))
}
