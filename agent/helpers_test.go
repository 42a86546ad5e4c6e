package agent

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// standinBin holds the stand-ins the agent finds on PATH: the Image Assistant under both platforms'
// names, and powershell.exe for the Windows code path.
var standinBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "agent-standins-")
	if err != nil {
		panic(err)
	}
	standinBin = dir
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "AppStreamImageAssistant"), "./internal/standin-assistant")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		panic(fmt.Sprintf("building the stand-in Image Assistant: %v", err))
	}
	data, err := os.ReadFile(filepath.Join(dir, "AppStreamImageAssistant"))
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "image-assistant.exe"), data, 0o755)
	}
	if err == nil {
		data, err = os.ReadFile("testdata/standin/powershell.exe")
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "powershell.exe"), data, 0o755)
	}
	if err != nil {
		panic(err)
	}
	os.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	code := m.Run()
	stopMoto()
	os.RemoveAll(dir)
	os.Exit(code)
}

// memStore is an in-memory Store that counts its calls.
type memStore struct {
	mu       sync.Mutex
	objects  map[string][]byte
	metadata map[string]map[string]string
	calls    int
}

func newMemStore() *memStore {
	return &memStore{objects: map[string][]byte{}, metadata: map[string]map[string]string{}}
}

func (s *memStore) Get(_ context.Context, bucket, key string) ([]byte, map[string]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	data, ok := s.objects[bucket+"/"+key]
	if !ok {
		return nil, nil, fmt.Errorf("%w: s3://%s/%s", ErrNotFound, bucket, key)
	}
	return data, s.metadata[bucket+"/"+key], nil
}

func (s *memStore) Put(_ context.Context, bucket, key string, body []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	s.objects[bucket+"/"+key] = body
	return nil
}

func (s *memStore) keys(prefix string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var keys []string
	for k := range s.objects {
		if strings.HasPrefix(k, prefix) {
			keys = append(keys, k)
		}
	}
	return keys
}

// report is one call the agent made to Step Functions, with the Image Assistant calls made by then.
type report struct {
	kind, token, name, detail string
	assistantCalls            []call
}

// recorder is a Reporter that records every call; heartbeatErr, when set, is what heartbeats return.
type recorder struct {
	mu           sync.Mutex
	reports      []report
	log          string
	heartbeatErr error
}

func (r *recorder) add(rep report) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rep.assistantCalls = readCalls(r.log)
	r.reports = append(r.reports, rep)
}

func (r *recorder) Heartbeat(_ context.Context, token string) error {
	r.add(report{kind: "heartbeat", token: token})
	return r.heartbeatErr
}

func (r *recorder) Success(_ context.Context, token, output string) error {
	r.add(report{kind: "success", token: token, detail: output})
	return nil
}

func (r *recorder) Failure(_ context.Context, token, name, cause string) error {
	r.add(report{kind: "failure", token: token, name: name, detail: cause})
	return nil
}

func (r *recorder) count(kind string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, rep := range r.reports {
		if rep.kind == kind {
			n++
		}
	}
	return n
}

// final is the one success or failure report; the test fails unless there is exactly one.
func (r *recorder) final(t *testing.T) report {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	var finals []report
	for _, rep := range r.reports {
		if rep.kind != "heartbeat" {
			finals = append(finals, rep)
		}
	}
	if len(finals) != 1 {
		t.Fatalf("want exactly one success or failure report, got %d: %+v", len(finals), finals)
	}
	return finals[0]
}

// call is one Image Assistant call, as the stand-in logged it.
type call struct {
	Program   string   `json:"program"`
	Operation string   `json:"operation"`
	Args      []string `json:"args"`
	Status    int      `json:"status"`
	Time      string   `json:"time"`
}

func readCalls(path string) []call {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var calls []call
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		var c call
		if json.Unmarshal(scanner.Bytes(), &c) == nil {
			calls = append(calls, c)
		}
	}
	return calls
}

// acceptedCreateImage tells whether calls hold a create-image that is no dry run and that succeeded.
func acceptedCreateImage(calls []call) bool {
	for _, c := range calls {
		if c.Operation == "create-image" && c.Status == 0 && !contains(c.Args, "--dry-run") {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// harness is one agent run on one platform, with its stand-ins' state in a temporary directory.
type harness struct {
	t        *testing.T
	platform Platform
	dir      string
	store    *memStore
	reporter *recorder
	env      map[string]string
	out      strings.Builder
}

const testBucket = "recipes"
const testBuilder = "crm-builder"

func newHarness(t *testing.T, p Platform) *harness {
	t.Helper()
	dir := t.TempDir()
	h := &harness{t: t, platform: p, dir: dir, store: newMemStore(), reporter: &recorder{log: filepath.Join(dir, "assistant.log")},
		env: map[string]string{"AppStream_Resource_Type": "imagebuilder", "AppStream_Resource_Name": testBuilder}}
	if p.Name == PlatformLinux {
		// A Linux builder's variables are in the profile script, not in a boot service's environment.
		h.platform.SystemVarsFile = filepath.Join(dir, "appstream_system_vars.sh")
		h.writeSystemVars()
		h.env = map[string]string{}
	}
	t.Setenv("STANDIN_ASSISTANT_LOG", h.reporter.log)
	t.Setenv("STANDIN_ASSISTANT_STATE", dir)
	t.Setenv("STANDIN_ASSISTANT_REFUSE", "")
	return h
}

func (h *harness) writeSystemVars() {
	vars := "export AppStream_Resource_Type=imagebuilder\nexport AppStream_Resource_Name=\"" + testBuilder + "\"\n"
	if err := os.WriteFile(h.platform.SystemVarsFile, []byte(vars), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

// setResourceType sets AppStream_Resource_Type where the platform keeps it.
func (h *harness) setResourceType(kind string) {
	if h.platform.Name == PlatformWindows {
		h.env["AppStream_Resource_Type"] = kind
		return
	}
	vars := "export AppStream_Resource_Type=" + kind + "\nexport AppStream_Resource_Name=" + testBuilder + "\n"
	if err := os.WriteFile(h.platform.SystemVarsFile, []byte(vars), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) putRequest(req *Request) {
	data, err := json.Marshal(req)
	if err != nil {
		h.t.Fatal(err)
	}
	h.putRaw(data, req.TaskToken)
}

// putRaw writes the request object as the pipeline's task does: the token in its metadata.
func (h *harness) putRaw(data []byte, token string) {
	key := testBucket + "/requests/" + testBuilder + "/request.json"
	h.store.objects[key] = data
	h.store.metadata[key] = map[string]string{TokenMetadata: token}
}

func (h *harness) run(timeout time.Duration) (Outcome, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return Run(ctx, Config{
		Platform: h.platform, Bucket: testBucket, Prefix: "requests/", WorkDir: filepath.Join(h.dir, "work"),
		Store: h.store, Reporter: h.reporter, Getenv: func(k string) string { return h.env[k] }, Log: io.MultiWriter(&h.out, testWriter{h.t}),
		PollInterval: 10 * time.Millisecond, WaitForRequest: 2 * time.Second,
	})
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// script is a component script for the platform: both shells understand these commands, and the
// Windows path runs them through the stand-in powershell.exe.
func inline(name, text string, timeout int, codes ...int) Component {
	if len(codes) == 0 {
		codes = []int{0}
	}
	return Component{Name: name, Inline: text, TimeoutSeconds: timeout, SuccessExitCodes: codes}
}

// baseRequest is a request for the platform with the given components and one application.
func baseRequest(p Platform, components ...Component) *Request {
	if components == nil {
		components = []Component{}
	}
	appPath := "/opt/crm/bin/crm"
	if p.Name == PlatformWindows {
		appPath = `C:\Program Files\Crm\crm.exe`
	}
	req := &Request{SchemaVersion: 1, TaskToken: "token-" + p.Name, ImageName: "Crm-20261201T030000Z", HeartbeatSeconds: 60,
		Recipe: Recipe{SchemaVersion: 1, Platform: p.Name, Components: components,
			Applications: []Application{{Name: "Crm", AbsoluteAppPath: appPath, DisplayName: "CRM", LaunchParameters: "kiosk.cfg"}},
			Image:        ImageSettings{DisplayName: "CRM", Description: "test image", UseLatestAgentVersion: true, Tags: map[string]string{"team": "crm", "cost-center": "42"}}}}
	if p.Name == PlatformWindows {
		req.Recipe.DefaultProfile = &DefaultProfile{}
	}
	return req
}

var platforms = []Platform{Windows(), Linux()}
