package wherebymap

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

func pngOf(t *testing.T, width int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, width, 1))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// CheckImage refuses what Whereby would not take and warns of an image
// narrower than Whereby recommends.
func TestCheckImage(t *testing.T) {
	var m RoomTheme
	images := m.Images()
	logo, background := images[0], images[1]
	svg := []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="400"></svg>`)
	for name, c := range map[string]struct {
		img            ThemeImage
		content        []byte
		error, warning string
	}{
		"wide logo":         {logo, pngOf(t, 400), "", ""},
		"narrow logo":       {logo, pngOf(t, 399), "", "399 pixels wide. Whereby recommends images at least 400 pixels wide"},
		"svg logo":          {logo, svg, "", ""},
		"text":              {logo, []byte("hello"), "is not an image", ""},
		"empty":             {logo, nil, "is empty", ""},
		"large logo":        {logo, append(pngOf(t, 400), make([]byte, MaxBackgroundBytes)...), "", ""},
		"narrow background": {background, pngOf(t, 1399), "", "at least 1400 pixels wide"},
		"background at 600 kB": {background, append(pngOf(t, 1400), make([]byte, MaxBackgroundBytes-len(pngOf(t, 1400)))...),
			"", ""},
		"background over": {background, append(pngOf(t, 1400), make([]byte, MaxBackgroundBytes)...), "is larger than 600 kB", ""},
	} {
		t.Run(name, func(t *testing.T) {
			var diags diag.Diagnostics
			c.img.CheckImage(path.Root(c.img.FileAttr), "f.png", c.content, &diags)
			for _, want := range []struct {
				msg string
				got diag.Diagnostics
			}{{c.error, diags.Errors()}, {c.warning, diags.Warnings()}} {
				switch {
				case want.msg == "" && len(want.got) > 0:
					t.Errorf("unexpected %s: %s", want.got[0].Summary(), want.got[0].Detail())
				case want.msg != "" && (len(want.got) != 1 || !strings.Contains(want.got[0].Summary()+" "+want.got[0].Detail(), want.msg)):
					t.Errorf("got %v, want one saying %q", want.got, want.msg)
				}
			}
		})
	}
}
