package graph

import (
	"testing"
	"time"
)

func TestDateValid(t *testing.T) {
	cases := []struct {
		d    Date
		want bool
	}{
		{Date{2024, time.February, 29}, true},
		{Date{2023, time.February, 29}, false},
		{Date{0, time.January, 1}, true},
		{Date{9999, time.December, 31}, true},
		{Date{10000, time.January, 1}, false},
		{Date{-1, time.January, 1}, false},
		{Date{2020, 13, 1}, false},
		{Date{2020, 0, 1}, false},
		{Date{2020, time.April, 31}, false},
		{Date{2020, time.April, 0}, false},
	}
	for _, c := range cases {
		if got := c.d.Valid(); got != c.want {
			t.Errorf("%+v.Valid() = %v, want %v", c.d, got, c.want)
		}
		// Valid means exactly: ParseDate reads its String back to it.
		back, err := ParseDate(c.d.String())
		if roundTrips := err == nil && back == c.d; roundTrips != c.want {
			t.Errorf("%+v: ParseDate(%q) = %+v, %v; Valid says %v", c.d, c.d.String(), back, err, c.want)
		}
	}
}
