module stackbench.dev/contestants/go-nethttp

go 1.19

require (
	github.com/gorilla/websocket v1.5.0
	github.com/lib/pq v1.10.7
)

// The module proxy is not reachable: lib/pq comes from Debian's golang-github-lib-pq-dev,
// gorilla/websocket from golang-github-gorilla-websocket-dev.
replace github.com/lib/pq => /usr/share/gocode/src/github.com/lib/pq

replace github.com/gorilla/websocket => /usr/share/gocode/src/github.com/gorilla/websocket
