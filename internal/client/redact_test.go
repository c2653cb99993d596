package client

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func TestRedactURLMasksSecretQueryParameters(t *testing.T) {
	u, _ := url.Parse("https://u:p@meet.example.com/api/v1/meeting_schedule?client_id=0b8f3c2e-2f5c-4a53-9d3e-6c1d8f1e2a4b&token=s3cret&page_num=2")
	got := RedactURL(u)
	if strings.Contains(got, "s3cret") || strings.Contains(got, "u:p@") || strings.Contains(got, "0b8f3c2e") {
		t.Fatalf("RedactURL leaked a secret: %s", got)
	}
	if !strings.Contains(got, "page_num=2") {
		t.Fatalf("RedactURL dropped non-secret parameters: %s", got)
	}
}

func TestRedactBodyKeyVariants(t *testing.T) {
	got := RedactBody([]byte(`{"adminPin":"1","Admin-Pin":"2","admin_pin":"3","meeting_password":"4","subject":"ok","list":[{"passcode":"5"}],` +
		`"secret":"6","secret_old":"7","secret_new":"8","live_passcode":"9","user_token":"10"}`))
	for _, s := range []string{`"1"`, `"2"`, `"3"`, `"4"`, `"5"`, `"6"`, `"7"`, `"8"`, `"9"`, `"10"`} {
		if strings.Contains(got, s) {
			t.Errorf("value %s survived redaction: %s", s, got)
		}
	}
	if !strings.Contains(got, `"subject":"ok"`) {
		t.Errorf("non-secret field lost: %s", got)
	}
	if RedactBody([]byte("password=hunter2")) != "<non-JSON body omitted>" {
		t.Error("a non-JSON body was logged")
	}
}

func BenchmarkRedactBody(b *testing.B) {
	body := []byte(`{"items":[` + strings.Repeat(`{"id":"NzAwNTUxOTA5NzczMTQ4MTYw","subject":"Weekly","admin_pin":"1234","room_pin":"5678","capacity":9},`, 99) +
		`{"id":"x","subject":"y","admin_pin":"1","capacity":1}],"count":100}`)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = RedactBody(body)
	}
}

// BenchmarkDoLargeBody measures a request whose answer is a full page of rooms,
// with logging off as in most runs: redaction must not be paid for then.
func BenchmarkDoLargeBody(b *testing.B) {
	body := `{"items":[` + strings.Repeat(`{"id":"NzAwNTUxOTA5NzczMTQ4MTYw","subject":"Weekly","admin_pin":"1234"},`, 99) + `{"id":"x"}],"count":100}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, body) }))
	defer srv.Close()
	c, err := New(Config{Platform: "Bench", BaseURL: srv.URL})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := c.Do(ctx, Request{Method: http.MethodGet, Path: "/rooms"}); err != nil {
			b.Fatal(err)
		}
	}
}
