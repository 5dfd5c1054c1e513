package main

// GET /ws (spec v2, realtime) with gorilla/websocket, shaped as its chat example
// (examples/chat: a hub goroutine owns the set of clients; each client has a read pump and a
// write pump with a buffered send channel). Every text message goes, unchanged, to every
// connected client, the sender included. One process, so one hub reaches every subscriber.

import (
	"log"
	"net/http"
	"time"

	"github.com/gorilla/websocket"
)

const (
	writeWait      = 10 * time.Second
	maxMessageSize = 64 * 1024
	// A client whose send buffer is full is dropped (the chat example's rule): it is too slow.
	sendBuffer = 256
)

var upgrader = websocket.Upgrader{ReadBufferSize: 4096, WriteBufferSize: 4096}

type client struct {
	hub  *hub
	conn *websocket.Conn
	send chan []byte
}

type hub struct {
	clients    map[*client]bool
	broadcast  chan []byte
	register   chan *client
	unregister chan *client
}

func newHub() *hub {
	return &hub{
		clients:    make(map[*client]bool),
		broadcast:  make(chan []byte, sendBuffer),
		register:   make(chan *client),
		unregister: make(chan *client),
	}
}

func (h *hub) run() {
	for {
		select {
		case c := <-h.register:
			h.clients[c] = true
		case c := <-h.unregister:
			if h.clients[c] {
				delete(h.clients, c)
				close(c.send)
			}
		case message := <-h.broadcast:
			for c := range h.clients {
				select {
				case c.send <- message:
				default:
					delete(h.clients, c)
					close(c.send)
				}
			}
		}
	}
}

// readPump forwards the client's text messages to the hub until the connection ends. Pings are
// answered and close frames returned by gorilla's default handlers, which run inside ReadMessage.
func (c *client) readPump() {
	defer func() {
		c.hub.unregister <- c
		c.conn.Close()
	}()
	c.conn.SetReadLimit(maxMessageSize)
	for {
		kind, message, err := c.conn.ReadMessage()
		if err != nil {
			if websocket.IsUnexpectedCloseError(err, websocket.CloseNormalClosure, websocket.CloseGoingAway) {
				log.Printf("/ws: %v", err)
			}
			return
		}
		if kind == websocket.TextMessage { // spec v2 forwards text messages only
			c.hub.broadcast <- message
		}
	}
}

// writePump is the connection's only writer (gorilla allows one concurrent writer).
func (c *client) writePump() {
	defer c.conn.Close()
	for message := range c.send {
		c.conn.SetWriteDeadline(time.Now().Add(writeWait))
		if err := c.conn.WriteMessage(websocket.TextMessage, message); err != nil {
			return
		}
	}
	// the hub dropped or unregistered us
	c.conn.SetWriteDeadline(time.Now().Add(writeWait))
	c.conn.WriteMessage(websocket.CloseMessage, []byte{})
}

func (h *hub) serveWs(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered with an HTTP error
	}
	c := &client{hub: h, conn: conn, send: make(chan []byte, sendBuffer)}
	h.register <- c
	go c.writePump()
	go c.readPump()
}
