package lineplanet

import (
	"fmt"
	"net/http"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// maxBody bounds request bodies. The largest legitimate one (a title of 128 and
// data of 1024 UTF-16 code units, every one \u-escaped) is under 8 KiB.
const maxBody = 1 << 20

// base is the path every route shares (NOTES.md: {endpoint}/tas/v2/gcall/{roomServiceId}/{roomId}).
const base = "/tas/v2/gcall/{svc}/{room}"

// Register implements platform.API.
func (a *API) Register(mux *http.ServeMux) {
	rt := &platform.Router{
		Mux:   mux,
		Lock:  &a.mu,
		Auth:  a.authenticate,
		Admit: a.admit,
		BodyError: func(err error, tooLarge bool) platform.Reply {
			if tooLarge {
				return a.failure(codeBadRequest, fmt.Sprintf("request body must be at most %d bytes", maxBody))
			}
			return a.failure(codeBadRequest, "request body could not be read: "+err.Error())
		},
		MaxBody: maxBody,
	}
	rt.Handle("POST "+base+"/mtg", true, a.create)
	// The list drops expired meetings as it reads them (liveLocked).
	rt.Handle("GET "+base+"/mtgs", true, a.list, platform.WriteLock())
	// NOTES.md: the endpoint table says /mtgs/{mtgId}, the curl examples /mtg/{mtgId}.
	for _, p := range []string{base + "/mtg/{id}", base + "/mtgs/{id}"} {
		rt.Handle("PUT "+p, true, a.update)
		rt.Handle("DELETE "+p, true, a.delete)
	}
	// Anything else under /tas/ gets the vendor's envelope rather than the mux's
	// plain-text 404 or 405: 401 without valid credentials, 404 with them, also
	// for a wrong method, since code 405 means "meeting already exists" here.
	// It is not rate limited.
	rt.Fallback("/tas/", func(r *http.Request) platform.Reply {
		if _, rep, ok := a.authenticate(r); !ok {
			return rep
		}
		return a.failure(codeNotFound, fmt.Sprintf("no such API: %s %s", r.Method, r.URL.Path))
	})
}
