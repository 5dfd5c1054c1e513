//! Stackbench contestant "rust-hyper": the Stackbench API (docs/api.md, spec v1) on hyper 0.14
//! and tokio, reading users from PostgreSQL with tokio-postgres.
//!
//! Environment (docs/contestants.md): PORT (required), WORKERS (tokio worker threads, default:
//! the CPUs), DB_URL (required), DB_POOL (connections, default 10).

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use hyper::header::{HeaderValue, CONTENT_TYPE, SERVER};
use hyper::service::{make_service_fn, service_fn};
use hyper::{Body, Method, Request, Response, Server, StatusCode};
use serde::Serialize;
use serde_json::json;
use tokio_postgres::{Client, NoTls, Statement};

const SERVER_NAME: &str = "rust-hyper";
const USER_SQL: &str = "SELECT id, name, email FROM users WHERE id = $1";

#[derive(Serialize)]
struct User {
    id: i32,
    name: String,
    email: String,
}

/// One connection of the pool with the user query prepared on it.
struct Connection {
    client: Client,
    user: Statement,
}

/// A fixed set of connections, handed out round-robin. A tokio-postgres `Client` is shared by
/// concurrent requests: it pipelines their queries on its connection.
struct Pool {
    connections: Vec<Connection>,
    next: AtomicUsize,
}

impl Pool {
    async fn connect(url: &str, size: usize) -> Result<Pool, tokio_postgres::Error> {
        let mut connections = Vec::with_capacity(size);
        for _ in 0..size {
            let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
            // The connection object does the I/O; it runs as its own task until the client is dropped.
            tokio::spawn(async move {
                if let Err(e) = connection.await {
                    eprintln!("{SERVER_NAME}: database connection: {e}");
                }
            });
            let user = client.prepare(USER_SQL).await?;
            connections.push(Connection { client, user });
        }
        Ok(Pool { connections, next: AtomicUsize::new(0) })
    }

    fn get(&self) -> &Connection {
        let i = self.next.fetch_add(1, Ordering::Relaxed) % self.connections.len();
        &self.connections[i]
    }
}

fn json_response<T: Serialize>(status: StatusCode, value: &T) -> Response<Body> {
    let body = serde_json::to_vec(value).expect("serializable response");
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

fn error(status: StatusCode, message: &str) -> Response<Body> {
    json_response(status, &json!({ "error": message }))
}

/// The value of query parameter `name` as a decimal integer within `min..=max`.
fn int_param(req: &Request<Body>, name: &str, min: i64, max: i64) -> Result<i64, Response<Body>> {
    let raw = req
        .uri()
        .query()
        .unwrap_or("")
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value);
    match raw.and_then(|v| v.parse::<i64>().ok()) {
        Some(v) if (min..=max).contains(&v) => Ok(v),
        _ => Err(error(
            StatusCode::BAD_REQUEST,
            &format!("{name} must be an integer in {min}..{max}"),
        )),
    }
}

async fn get_user(pool: &Pool, raw_id: &str) -> Response<Body> {
    let id: i64 = match raw_id.parse() {
        Ok(id) => id,
        Err(_) => return error(StatusCode::BAD_REQUEST, "id must be an integer"),
    };
    // users.id is a PostgreSQL integer: an id outside i32 cannot match any row.
    let id = match i32::try_from(id) {
        Ok(id) => id,
        Err(_) => return error(StatusCode::NOT_FOUND, "User not found"),
    };
    let conn = pool.get();
    match conn.client.query_opt(&conn.user, &[&id]).await {
        Ok(Some(row)) => json_response(
            StatusCode::OK,
            &User { id: row.get(0), name: row.get(1), email: row.get(2) },
        ),
        Ok(None) => error(StatusCode::NOT_FOUND, "User not found"),
        Err(e) => {
            eprintln!("{SERVER_NAME}: GET /api/users/{raw_id}: {e}");
            error(StatusCode::INTERNAL_SERVER_ERROR, "database error")
        }
    }
}

/// Counts the primes <= n by trial division, exactly as docs/api.md prescribes.
fn count_primes(n: i64) -> i64 {
    let mut count = 0;
    for k in 2..=n {
        let mut prime = true;
        let mut d = 2;
        while d * d <= k {
            if k % d == 0 {
                prime = false;
                break;
            }
            d += 1;
        }
        if prime {
            count += 1;
        }
    }
    count
}

async fn route(pool: &Pool, req: Request<Body>) -> Response<Body> {
    if req.method() != Method::GET {
        return error(StatusCode::METHOD_NOT_ALLOWED, "method not allowed");
    }
    let path = req.uri().path();
    if let Some(id) = path.strip_prefix("/api/users/") {
        let id = id.to_owned();
        return get_user(pool, &id).await;
    }
    match path {
        "/json" => json_response(StatusCode::OK, &json!({ "message": "Hello, World!" })),
        "/io" => match int_param(&req, "ms", 0, 10_000) {
            Ok(ms) => {
                tokio::time::sleep(Duration::from_millis(ms as u64)).await;
                json_response(StatusCode::OK, &json!({ "waitedMs": ms }))
            }
            Err(bad) => bad,
        },
        "/cpu" => match int_param(&req, "n", 1, 1_000_000) {
            Ok(n) => json_response(StatusCode::OK, &json!({ "n": n, "primes": count_primes(n) })),
            Err(bad) => bad,
        },
        _ => error(StatusCode::NOT_FOUND, "not found"),
    }
}

async fn handle(pool: Arc<Pool>, req: Request<Body>) -> Result<Response<Body>, Infallible> {
    let mut response = route(&pool, req).await;
    // hyper adds Date and Content-Length itself, but no Server header.
    response.headers_mut().insert(SERVER, HeaderValue::from_static(SERVER_NAME));
    Ok(response)
}

fn env_number(name: &str, fallback: Option<usize>) -> usize {
    match std::env::var(name) {
        Ok(v) => match v.parse::<usize>() {
            Ok(n) if n > 0 => n,
            _ => fail(&format!("{name} ({v}) must be a positive integer")),
        },
        Err(_) => fallback.unwrap_or_else(|| fail(&format!("{name} is not set"))),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("{SERVER_NAME}: {message}");
    std::process::exit(2);
}

async fn serve(port: u16, pool_size: usize, db_url: String) {
    let pool = match Pool::connect(&db_url, pool_size).await {
        Ok(pool) => Arc::new(pool),
        Err(e) => fail(&format!("cannot connect to the database: {e}")),
    };
    let make_service = make_service_fn(move |_conn| {
        let pool = pool.clone();
        async move { Ok::<_, Infallible>(service_fn(move |req| handle(pool.clone(), req))) }
    });
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let server = match Server::try_bind(&addr) {
        Ok(builder) => builder.serve(make_service),
        Err(e) => fail(&format!("cannot listen on {addr}: {e}")),
    };
    println!("{SERVER_NAME}: pid {} listening on http://{addr}", std::process::id());
    let graceful = server.with_graceful_shutdown(async {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("SIGTERM handler");
        tokio::select! {
            _ = term.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    });
    if let Err(e) = graceful.await {
        fail(&format!("server error: {e}"));
    }
}

fn main() {
    let port = env_number("PORT", None);
    let port = u16::try_from(port).unwrap_or_else(|_| fail(&format!("PORT ({port}) is not a port")));
    let workers = env_number("WORKERS", Some(std::thread::available_parallelism().map_or(1, |n| n.get())));
    let pool_size = env_number("DB_POOL", Some(10));
    let db_url = std::env::var("DB_URL")
        .unwrap_or_else(|_| fail("DB_URL is not set (postgresql://USER:PASSWORD@HOST:PORT/NAME)"));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
        .unwrap_or_else(|e| fail(&format!("cannot start the tokio runtime: {e}")));
    runtime.block_on(serve(port, pool_size, db_url));
}
