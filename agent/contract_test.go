package agent

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// The fixture is what lib/image-recipe.ts renders for the recipe in test/recipe.test.ts (that test
// compares its output with this same file): the agent must read it as it is.
func TestReadsTheFixtureTheLibraryRenders(t *testing.T) {
	data, err := os.ReadFile("testdata/request-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	req, err := ParseRequest(data, "fixture-token")
	if err != nil {
		t.Fatal(err)
	}
	rec := req.Recipe
	if rec.Platform != PlatformWindows || len(rec.Components) != 2 || rec.Components[1].Asset.Packaging != "ZIP" ||
		!reflect.DeepEqual(rec.Components[1].SuccessExitCodes, []int{0, 3010}) || rec.Applications[0].AbsoluteIconPath == "" ||
		rec.DefaultProfile == nil || !rec.Image.UseLatestAgentVersion || rec.Image.Tags["team"] != "crm" {
		t.Errorf("the fixture read as %+v", rec)
	}
}

// A request written as a JSON string holding the request's text (an engine that JSON-encodes a string S3
// Body) reads as the text itself; a string holding a string is refused.
func TestReadsARequestQuotedOnce(t *testing.T) {
	data, err := os.ReadFile("testdata/request-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	quoted, _ := json.Marshal(string(data))
	req, err := ParseRequest(quoted, "fixture-token")
	if err != nil {
		t.Fatal(err)
	}
	if req.ImageName != "Crm-20261201T030000Z" || len(req.Recipe.Components) != 2 {
		t.Errorf("the quoted fixture read as %+v", req)
	}
	twice, _ := json.Marshal(string(quoted))
	if _, err := ParseRequest(twice, "fixture-token"); err == nil {
		t.Error("a request quoted twice was accepted")
	}
}

// schemaProps lists the properties of one object of the schema, following $ref.
func schemaProps(t *testing.T, schema map[string]any, node map[string]any) map[string]map[string]any {
	if ref, ok := node["$ref"].(string); ok {
		node = schema["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
	}
	out := map[string]map[string]any{}
	props, _ := node["properties"].(map[string]any)
	for k, v := range props {
		out[k] = v.(map[string]any)
	}
	return out
}

// checkType walks a Go type against the schema object at node: the same members, no more, no fewer.
func checkType(t *testing.T, schema map[string]any, node map[string]any, typ reflect.Type, path string) {
	for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
		typ = typ.Elem()
	}
	if typ.Kind() != reflect.Struct {
		return
	}
	props := schemaProps(t, schema, node)
	var fields []string
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		name := strings.Split(f.Tag.Get("json"), ",")[0]
		if name == "-" {
			continue
		}
		fields = append(fields, name)
		prop, ok := props[name]
		if !ok {
			t.Errorf("%s.%s is in the Go type but not in the schema", path, name)
			continue
		}
		if items, ok := prop["items"].(map[string]any); ok {
			prop = items
		}
		checkType(t, schema, prop, f.Type, path+"."+name)
	}
	var want []string
	for k := range props {
		want = append(want, k)
	}
	sort.Strings(fields)
	sort.Strings(want)
	if !reflect.DeepEqual(fields, want) {
		t.Errorf("%s: Go members %v, schema members %v", path, fields, want)
	}
}

func TestTheGoTypesAreTheSchema(t *testing.T) {
	data, err := os.ReadFile("schema/request-v1.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	checkType(t, schema, schema, reflect.TypeOf(Request{}), "request")
}

// The agent ships for Windows too: it must build for windows/amd64 from here, as a PE executable.
func TestCrossCompilesForWindowsAndLinux(t *testing.T) {
	for _, target := range []struct{ goos, magic string }{{"windows", "MZ"}, {"linux", "\x7fELF"}} {
		out := filepath.Join(t.TempDir(), "agent-"+target.goos)
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, "./cmd/appstream-image-agent")
		cmd.Env = append(os.Environ(), "GOOS="+target.goos, "GOARCH=amd64", "CGO_ENABLED=0")
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("GOOS=%s: %v\n%s", target.goos, err, msg)
		}
		data, err := os.ReadFile(out)
		if err != nil || !strings.HasPrefix(string(data[:4]), target.magic) {
			t.Errorf("GOOS=%s built no %q executable", target.goos, target.magic)
		}
		t.Logf("%s/amd64: %d bytes", target.goos, len(data))
	}
}
