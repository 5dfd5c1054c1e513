// Command go-nethttp serves the Stackbench API (docs/api.md, spec v1) with the standard
// library's net/http, reading users from PostgreSQL through database/sql and lib/pq.
//
// Environment (docs/contestants.md): PORT (required), DB_URL (required), DB_POOL
// (open connections of the database/sql pool, default 10). GOMAXPROCS is the runtime's
// own variable; the manifest sets it to the CPU budget.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"math"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "github.com/lib/pq"
)

const serverName = "go-nethttp"

const userSQL = "SELECT id, name, email FROM users WHERE id = $1"

type user struct {
	ID    int32  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

type api struct {
	db *sql.DB
}

// writeJSON sends v as the whole response; net/http adds Date and Content-Length.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, `{"error":"cannot encode the response"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(body)
}

func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}

// intParam reads a decimal integer query parameter within [min, max].
func intParam(r *http.Request, name string, min, max int) (int, error) {
	raw := r.URL.Query().Get(name)
	if raw == "" {
		return 0, fmt.Errorf("%s is required", name)
	}
	v, err := strconv.Atoi(raw)
	if err != nil || v < min || v > max {
		return 0, fmt.Errorf("%s must be an integer in %d..%d", name, min, max)
	}
	return v, nil
}

func (a *api) hello(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"message": "Hello, World!"})
}

func (a *api) getUser(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.URL.Path, "/api/users/")
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		writeError(w, http.StatusBadRequest, "id must be an integer")
		return
	}
	// users.id is a PostgreSQL integer: a larger id cannot match, and the server would
	// reject it as out of range instead of finding nothing.
	if id < math.MinInt32 || id > math.MaxInt32 {
		writeError(w, http.StatusNotFound, "User not found")
		return
	}
	var u user
	err = a.db.QueryRowContext(r.Context(), userSQL, id).Scan(&u.ID, &u.Name, &u.Email)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		writeError(w, http.StatusNotFound, "User not found")
	case err != nil:
		log.Printf("%s %s: %v", r.Method, r.URL, err)
		writeError(w, http.StatusInternalServerError, "database error")
	default:
		writeJSON(w, http.StatusOK, u)
	}
}

func (a *api) io(w http.ResponseWriter, r *http.Request) {
	ms, err := intParam(r, "ms", 0, 10000)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	// Each request has its own goroutine: sleeping parks it, not an OS thread.
	select {
	case <-time.After(time.Duration(ms) * time.Millisecond):
		writeJSON(w, http.StatusOK, map[string]int{"waitedMs": ms})
	case <-r.Context().Done():
	}
}

func (a *api) cpu(w http.ResponseWriter, r *http.Request) {
	n, err := intParam(r, "n", 1, 1000000)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"n": n, "primes": countPrimes(n)})
}

// countPrimes counts the primes <= n by trial division, exactly as docs/api.md prescribes.
func countPrimes(n int) int {
	count := 0
	for k := 2; k <= n; k++ {
		prime := true
		for d := 2; d*d <= k; d++ {
			if k%d == 0 {
				prime = false
				break
			}
		}
		if prime {
			count++
		}
	}
	return count
}

// only answers GET (and HEAD, which net/http derives from it) on h, JSON errors otherwise.
func only(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, "method not allowed")
			return
		}
		h(w, r)
	}
}

func withServerHeader(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Server", serverName)
		next.ServeHTTP(w, r)
	})
}

func (a *api) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/json", only(a.hello))
	mux.HandleFunc("/api/users/", only(a.getUser))
	mux.HandleFunc("/io", only(a.io))
	mux.HandleFunc("/cpu", only(a.cpu))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not found")
	})
	return withServerHeader(mux)
}

func positiveEnv(name string, fallback int) int {
	raw := os.Getenv(name)
	if raw == "" {
		if fallback > 0 {
			return fallback
		}
		log.Fatalf("%s is not set", name)
	}
	v, err := strconv.Atoi(raw)
	if err != nil || v < 1 {
		log.Fatalf("%s (%s) must be a positive integer", name, raw)
	}
	return v
}

func main() {
	log.SetPrefix(serverName + ": ")
	log.SetFlags(0)
	port := positiveEnv("PORT", 0)
	pool := positiveEnv("DB_POOL", 10)
	dbURL := os.Getenv("DB_URL")
	if dbURL == "" {
		log.Fatal("DB_URL is not set (postgresql://USER:PASSWORD@HOST:PORT/NAME)")
	}

	// lib/pq defaults to sslmode=require (libpq's default is prefer); the lab's loopback
	// PostgreSQL has no TLS.
	sep := "?"
	if strings.Contains(dbURL, "?") {
		sep = "&"
	}
	db, err := sql.Open("postgres", dbURL+sep+"sslmode=disable")
	if err != nil {
		log.Fatalf("DB_URL: %v", err)
	}
	db.SetMaxOpenConns(pool)
	db.SetMaxIdleConns(pool)

	srv := &http.Server{
		Handler:           (&api{db: db}).routes(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		log.Fatalf("cannot listen: %v", err)
	}
	log.Printf("pid %d listening on http://%s (GOMAXPROCS %d, pool %d)",
		os.Getpid(), ln.Addr(), runtime.GOMAXPROCS(0), pool)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-stop
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
	db.Close()
}
