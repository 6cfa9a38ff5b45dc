//! Private, throw-away PostgreSQL databases for tests and benchmarks.
//!
//! Each [`ScratchPostgres`] is a fresh database on the server named by
//! `PORTLORE_TEST_POSTGRES` (default `postgres://postgres@127.0.0.1:5432/test`),
//! dropped again when the value is dropped, so parallel runs never see each other.

use std::str::FromStr;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{AssertSqlSafe, ConnectOptions, Connection};

/// The server used when `PORTLORE_TEST_POSTGRES` is unset.
pub const DEFAULT_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

/// A scratch database; dropping it drops the database.
#[derive(Debug)]
pub struct ScratchPostgres {
    admin: String,
    name: String,
    url: String,
    dropped: bool,
}

impl ScratchPostgres {
    /// Creates a fresh, empty database. `Err` carries the reason when no server
    /// answers (callers skip then, outside CI).
    pub async fn create() -> Result<ScratchPostgres, String> {
        static SEQ: AtomicU32 = AtomicU32::new(0);
        let admin =
            std::env::var("PORTLORE_TEST_POSTGRES").unwrap_or_else(|_| DEFAULT_ADMIN_URL.into());
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        // Digits and underscores only: safe to splice into DDL.
        let name = format!(
            "portlore_scratch_{}_{}_{}",
            std::process::id(),
            nanos,
            SEQ.fetch_add(1, Ordering::Relaxed)
        );
        let opts = PgConnectOptions::from_str(&admin).map_err(|e| format!("{admin}: {e}"))?;
        let mut conn = tokio::time::timeout(Duration::from_secs(5), opts.connect())
            .await
            .map_err(|_| format!("no PostgreSQL answered at {admin} within 5 s"))?
            .map_err(|e| format!("no PostgreSQL at {admin}: {e}"))?;
        sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut conn)
            .await
            .map_err(|e| format!("CREATE DATABASE on {admin}: {e}"))?;
        let _ = conn.close().await;
        let url = opts.database(&name).to_url_lossy().to_string();
        Ok(ScratchPostgres {
            admin,
            name,
            url,
            dropped: false,
        })
    }

    /// The URL of the scratch database.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Drops the database now (also done on drop).
    pub async fn drop_database(mut self) {
        self.dropped = true;
        drop_db(&self.admin, &self.name).await;
    }
}

async fn drop_db(admin: &str, name: &str) {
    let Ok(pool) = PgPoolOptions::new().max_connections(1).connect(admin).await else {
        return;
    };
    let _ = sqlx::query(AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&pool)
    .await;
    pool.close().await;
}

impl Drop for ScratchPostgres {
    fn drop(&mut self) {
        if self.dropped {
            return;
        }
        let (admin, name) = (self.admin.clone(), self.name.clone());
        // Drop may run inside a runtime, where blocking on another is not allowed:
        // use a thread with its own small runtime.
        let _ = std::thread::spawn(move || {
            if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                rt.block_on(drop_db(&admin, &name));
            }
        })
        .join();
    }
}
