package api

import (
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
)

// Conditional requests (RFC 9110 §13). Single resources carry an ETag,
// graph.ETag of the domain value, the same on every store. A write with
// If-Match is applied only while the resource still has that tag: the
// store compares one strong tag atomically with the write, so this layer
// only has to turn the header into that one tag.

// setETag sets the ETag header for a domain value. The header map is
// written with the key in canonical form ("Etag"): Header.Set would
// canonicalise "ETag" on every response, which allocates.
func setETag(c *gin.Context, v any) { c.Writer.Header()[etagKey] = []string{graph.ETag(v)} }

var etagKey = http.CanonicalHeaderKey("ETag")

// parseETags reads an If-Match value: "*" or a comma-separated list of
// entity tags, each "opaque" or W/"opaque". ok is false when the header
// is malformed.
func parseETags(h string) (tags []string, any, ok bool) {
	h = strings.TrimSpace(h)
	if h == "*" {
		return nil, true, true
	}
	for {
		h = strings.TrimLeft(h, " \t")
		weak := strings.HasPrefix(h, "W/")
		if weak {
			h = h[2:]
		}
		if !strings.HasPrefix(h, `"`) {
			return nil, false, false
		}
		end := strings.IndexByte(h[1:], '"')
		if end < 0 {
			return nil, false, false
		}
		tag := h[:end+2]
		for _, b := range []byte(tag[1 : len(tag)-1]) {
			if b < 0x21 || b == 0x7f { // etagc: %x21 / %x23-7E / obs-text
				return nil, false, false
			}
		}
		if weak {
			tag = "W/" + tag
		}
		tags = append(tags, tag)
		h = strings.TrimLeft(h[end+2:], " \t")
		if h == "" {
			return tags, false, true
		}
		if h[0] != ',' {
			return nil, false, false
		}
		h = h[1:]
	}
}

// ifMatch returns the revision to hand the store for a conditional write:
// none when the request has no If-Match (or If-Match: *, since the store
// reports a missing resource anyway), the tag itself when it is one
// strong tag, and for lists or weak tags (which never match: If-Match
// uses the strong comparison) the current revision if the list holds its
// tag, else a 412. current reads the resource as it is now.
func ifMatch(c *gin.Context, current func() (any, error)) (graph.Revision, error) {
	h, present := c.Request.Header["If-Match"]
	if !present {
		return graph.Revision{}, nil
	}
	tags, star, ok := parseETags(strings.Join(h, ", "))
	if !ok {
		return graph.Revision{}, headerError(graph.FieldError{Path: "If-Match", Message: `must be * or a list of entity tags such as "a1b2c3"`})
	}
	if star {
		return graph.Revision{}, nil
	}
	if len(tags) == 1 && !strings.HasPrefix(tags[0], "W/") {
		return graph.ParseRevision(tags[0]), nil
	}
	v, err := current()
	if err != nil {
		return graph.Revision{}, err
	}
	if cur := graph.RevisionOf(v); slices.Contains(tags, cur.String()) {
		return cur, nil
	}
	return graph.Revision{}, newHTTPError(http.StatusPreconditionFailed, ProblemPrecondition,
		"If-Match does not list the current entity tag (a weak tag never matches)")
}

// notModified answers a conditional GET (RFC 9110 §13.1.2): after setETag,
// when If-None-Match lists the resource's tag (weak comparison: W/"x"
// matches "x") or is *, the answer is 304 Not Modified with the ETag and no
// body, and notModified returns true; the caller writes nothing more. A
// malformed If-None-Match is the error, a 400 naming the header.
func notModified(c *gin.Context) (bool, error) {
	h, present := c.Request.Header["If-None-Match"]
	if !present {
		return false, nil
	}
	tags, star, ok := parseETags(strings.Join(h, ", "))
	if !ok {
		return false, headerError(graph.FieldError{Path: "If-None-Match", Message: `must be * or a list of entity tags such as "a1b2c3"`})
	}
	cur := c.Writer.Header().Get("ETag")
	match := star
	for _, t := range tags {
		match = match || strings.TrimPrefix(t, "W/") == strings.TrimPrefix(cur, "W/")
	}
	if match {
		c.Status(http.StatusNotModified)
		c.Writer.WriteHeaderNow()
	}
	return match, nil
}
