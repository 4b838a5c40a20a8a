package api

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// API keys (API.md, Security). DETENTE_API_KEYS holds comma-separated
// scope:key pairs, where a key may also be given as sha256:HEX so the
// secret itself is not in the environment. Scopes are ordered: a write
// key may read, an admin key may write. With no keys the API is open
// (main refuses to listen on a non-loopback address then). ParseAPIKeys
// is the one reader of the format: the server and main's guard both look
// at the keys it returns, never at the raw string.

// Scope is what a key may do.
type Scope int

// The scopes, each including the ones before it.
const (
	ScopeRead Scope = iota + 1
	ScopeWrite
	ScopeAdmin
)

var scopeNames = map[string]Scope{"read": ScopeRead, "write": ScopeWrite, "admin": ScopeAdmin}

func (s Scope) String() string {
	for n, v := range scopeNames {
		if v == s {
			return n
		}
	}
	return "none"
}

// Keys holds the SHA-256 sums of the configured keys: the secrets are
// never kept, and comparing sums of equal length in constant time does
// not leak a key's length or prefix. Empty: the API is open.
type Keys []struct {
	sum   [sha256.Size]byte
	scope Scope
}

// ParseAPIKeys reads the DETENTE_API_KEYS format. Only "" means no keys
// (an open API): a value that is set but holds no key — blanks, commas —
// is an error, since whoever set it meant to protect the API. Errors name
// the entry by position, never by its secret.
func ParseAPIKeys(s string) (Keys, error) {
	var ks Keys
	if s == "" {
		return nil, nil
	}
	if strings.Trim(s, ", \t\r\n") == "" {
		return nil, errors.New("api keys: set but holds no key: give scope:key pairs, or unset it for an open server (loopback only)")
	}
	for i, entry := range strings.Split(s, ",") {
		entry = strings.TrimSpace(entry)
		name, key, ok := strings.Cut(entry, ":")
		scope, known := scopeNames[name]
		if !ok || !known {
			return nil, fmt.Errorf("api keys: entry %d: want scope:key with scope read, write or admin", i+1)
		}
		var sum [sha256.Size]byte
		if hexSum, hashed := strings.CutPrefix(key, "sha256:"); hashed {
			b, err := hex.DecodeString(hexSum)
			if err != nil || len(b) != sha256.Size {
				return nil, fmt.Errorf("api keys: entry %d: sha256: wants 64 hex digits", i+1)
			}
			copy(sum[:], b)
		} else {
			if key == "" {
				return nil, fmt.Errorf("api keys: entry %d: empty key", i+1)
			}
			sum = sha256.Sum256([]byte(key))
		}
		ks = append(ks, struct {
			sum   [sha256.Size]byte
			scope Scope
		}{sum, scope})
	}
	return ks, nil
}

// scopeOf returns the widest scope of the keys matching key, or 0.
func (ks Keys) scopeOf(key string) Scope {
	sum := sha256.Sum256([]byte(key))
	var best Scope
	for _, k := range ks {
		if subtle.ConstantTimeCompare(sum[:], k.sum[:]) == 1 && k.scope > best {
			best = k.scope
		}
	}
	return best
}

// ambiguousKey stands for a request that sent different keys; it matches
// no configured key (an environment variable cannot hold NUL).
const ambiguousKey = "\x00ambiguous"

// presentedKey reads the key from Authorization: Bearer KEY or X-API-Key.
// Credentials sent more than once must agree: a request carrying a valid
// key in one header and another (or an empty one) in the other is
// refused, not given the valid key's scope.
func presentedKey(r *http.Request) string {
	var keys []string
	if hs := r.Header.Values("Authorization"); len(hs) > 0 {
		for _, h := range hs {
			scheme, token, ok := strings.Cut(h, " ")
			if !ok || !strings.EqualFold(scheme, "Bearer") {
				return ""
			}
			keys = append(keys, strings.TrimSpace(token))
		}
	}
	keys = append(keys, r.Header.Values("X-API-Key")...)
	if len(keys) == 0 {
		return ""
	}
	for _, k := range keys[1:] {
		if k != keys[0] {
			return ambiguousKey
		}
	}
	return keys[0]
}

// authenticate requires a key of sufficient scope on every request when
// keys are configured: reads need read, every other method write. A
// missing or unknown key is 401, a key without the scope 403.
func (s *Server) authenticate() gin.HandlerFunc {
	return func(c *gin.Context) {
		if len(s.keys) == 0 {
			c.Next()
			return
		}
		need := ScopeWrite
		if c.Request.Method == http.MethodGet || c.Request.Method == http.MethodHead {
			need = ScopeRead
		}
		key := presentedKey(c.Request)
		got := ScopeRead - 1
		if key != "" {
			got = s.keys.scopeOf(key)
		}
		switch {
		case got == 0:
			c.Header("WWW-Authenticate", `Bearer realm="detente"`)
			detail := "an API key is required: send Authorization: Bearer KEY or X-API-Key: KEY"
			switch key {
			case "":
			case ambiguousKey:
				detail = "different API keys were sent (in Authorization and X-API-Key, or repeated); send one"
			default:
				detail = "the API key is not valid"
			}
			WriteProblem(c, http.StatusUnauthorized, ProblemUnauthorized, detail)
		case got < need:
			WriteProblem(c, http.StatusForbidden, ProblemForbidden,
				fmt.Sprintf("this request needs a %s key; the key given has scope %s", need, got))
		default:
			c.Next()
		}
	}
}
