package agent

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// ErrNotFound is what a Store returns for an object that is not there (yet).
var ErrNotFound = errors.New("not found")

// ErrTaskGone is what a Reporter returns when Step Functions no longer waits for the token (timed out,
// or the execution ended): the build stops.
var ErrTaskGone = errors.New("the task token is no longer valid")

// TokenMetadata is the user metadata of the request object that holds the task token.
const TokenMetadata = "task-token"

// Store reads the request and assets, and writes the agent's log (the builder role allows nothing else).
type Store interface {
	// Get returns an object's body and user metadata (keys in lower case, without x-amz-meta-).
	Get(ctx context.Context, bucket, key string) ([]byte, map[string]string, error)
	Put(ctx context.Context, bucket, key string, body []byte) error
}

// Reporter answers Step Functions for a task token.
type Reporter interface {
	Heartbeat(ctx context.Context, token string) error
	Success(ctx context.Context, token, output string) error
	Failure(ctx context.Context, token, error, cause string) error
}

// Config is one run of the agent.
type Config struct {
	Platform Platform
	// Bucket and Prefix locate the requests: s3://Bucket/Prefix<builder name>/request.json.
	Bucket string
	Prefix string
	// WorkDir holds downloaded assets and the record of finished requests.
	WorkDir  string
	Store    Store
	Reporter Reporter
	// Getenv reads the environment (os.Getenv outside tests).
	Getenv func(string) string
	// Log receives the agent's log as it runs (besides the copy written to S3).
	Log io.Writer
	// PollInterval is the wait between looks for the request; WaitForRequest bounds the looking.
	PollInterval   time.Duration
	WaitForRequest time.Duration
}

// Outcome says how a run ended, for the exit code of the program and for tests.
type Outcome string

// The outcomes of a run.
const (
	OutcomeDormant   Outcome = "dormant"   // not an image builder, or the request was already done
	OutcomeSucceeded Outcome = "succeeded" // create-image accepted, SendTaskSuccess sent
	OutcomeFailed    Outcome = "failed"    // a step failed, SendTaskFailure sent
)

// stepError is a failure with the error name reported to Step Functions.
type stepError struct {
	name  string
	cause string
}

func (e *stepError) Error() string { return e.name + ": " + e.cause }

func fail(name, format string, args ...any) error {
	return &stepError{name: name, cause: fmt.Sprintf(format, args...)}
}

type runner struct {
	cfg   Config
	mu    sync.Mutex
	log   bytes.Buffer
	token string
}

func (r *runner) logf(format string, args ...any) {
	line := fmt.Sprintf("%s %s\n", time.Now().UTC().Format(time.RFC3339), fmt.Sprintf(format, args...))
	r.mu.Lock()
	defer r.mu.Unlock()
	r.log.WriteString(line)
	if r.cfg.Log != nil {
		_, _ = io.WriteString(r.cfg.Log, line)
	}
}

// Run is the whole agent: dormant unless on an image builder; otherwise it waits for its request,
// builds, and reports. An error is returned only when nothing could be reported (no request, no token).
func Run(ctx context.Context, cfg Config) (Outcome, error) {
	if cfg.Getenv == nil {
		cfg.Getenv = os.Getenv
	}
	r := &runner{cfg: cfg}
	p := cfg.Platform
	if dormant, why := Dormant(p, cfg.Getenv); dormant {
		r.logf("%s", why)
		return OutcomeDormant, nil
	}
	if err := os.MkdirAll(cfg.WorkDir, 0o700); err != nil {
		return OutcomeFailed, err
	}
	builder := p.SystemVar("AppStream_Resource_Name", cfg.Getenv)
	if builder == "" {
		return OutcomeFailed, errors.New("AppStream_Resource_Name is not set: cannot tell which request is this builder's")
	}
	key := cfg.Prefix + builder + "/request.json"
	data, metadata, err := r.waitForRequest(ctx, key)
	if err != nil {
		return OutcomeFailed, err
	}
	token := metadata[TokenMetadata]
	req, parseErr := ParseRequest(data, token)
	if parseErr != nil {
		if token == "" {
			return OutcomeFailed, fmt.Errorf("s3://%s/%s: %w", cfg.Bucket, key, parseErr)
		}
		r.token = token
		return r.finish(ctx, builder, "", fail("Recipe.Invalid", "s3://%s/%s: %v", cfg.Bucket, key, parseErr))
	}
	r.token = req.TaskToken
	marker := filepath.Join(cfg.WorkDir, "done-"+digest(req.TaskToken))
	if _, err := os.Stat(marker); err == nil {
		r.logf("the request for this task token was built already (%s): dormant", marker)
		return OutcomeDormant, nil
	}
	buildCtx, cancel := context.WithCancel(ctx)
	stopBeats := r.heartbeats(buildCtx, cancel, req.HeartbeatSeconds)
	buildErr := r.build(buildCtx, req)
	stopBeats()
	cancel()
	if buildErr == nil {
		if err := os.WriteFile(marker, []byte(req.ImageName+"\n"), 0o600); err != nil {
			r.logf("could not record the finished request: %v", err)
		}
	}
	return r.finish(ctx, builder, req.ImageName, buildErr)
}

// Dormant tells whether the agent must do nothing here: anywhere but on an image builder (on fleet
// instances above all, which are made from the images it builds) it makes no AWS call and touches no file.
func Dormant(p Platform, getenv func(string) string) (bool, string) {
	kind := p.SystemVar("AppStream_Resource_Type", getenv)
	if kind == "imagebuilder" {
		return false, ""
	}
	return true, fmt.Sprintf("AppStream_Resource_Type is %q, not imagebuilder: dormant", kind)
}

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

func (r *runner) waitForRequest(ctx context.Context, key string) ([]byte, map[string]string, error) {
	deadline := time.Now().Add(r.cfg.WaitForRequest)
	for {
		data, metadata, err := r.cfg.Store.Get(ctx, r.cfg.Bucket, key)
		if err == nil {
			r.logf("read s3://%s/%s", r.cfg.Bucket, key)
			return data, metadata, nil
		}
		// Not there yet, or the machine role's credentials are not ready yet (they come some minutes
		// after boot, through the builder's network interface): both mend with time.
		if time.Now().After(deadline) {
			return nil, nil, fmt.Errorf("no request at s3://%s/%s after %s: %w", r.cfg.Bucket, key, r.cfg.WaitForRequest, err)
		}
		if !errors.Is(err, ErrNotFound) {
			r.logf("reading s3://%s/%s: %v (trying again)", r.cfg.Bucket, key, err)
		}
		select {
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		case <-time.After(r.cfg.PollInterval):
		}
	}
}

// heartbeats sends SendTaskHeartbeat every interval until stopped; when Step Functions says the token is
// gone (the task timed out or the execution ended), the build is cancelled.
func (r *runner) heartbeats(ctx context.Context, cancel context.CancelFunc, seconds int) func() {
	if seconds == 0 {
		seconds = 60
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		ticker := time.NewTicker(time.Duration(seconds) * time.Second)
		defer ticker.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-ticker.C:
				err := r.cfg.Reporter.Heartbeat(ctx, r.token)
				if errors.Is(err, ErrTaskGone) {
					r.logf("heartbeat: %v: stopping the build", err)
					cancel()
					return
				}
				if err != nil {
					r.logf("heartbeat: %v", err)
				}
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// finish writes the log to S3, then reports: success only when the build returned no error, which is
// only after create-image accepted.
func (r *runner) finish(ctx context.Context, builder, imageName string, buildErr error) (Outcome, error) {
	ctx = context.WithoutCancel(ctx)
	if buildErr == nil {
		r.logf("create-image accepted %s: reporting success", imageName)
	} else {
		r.logf("failed: %v", buildErr)
	}
	logKey := fmt.Sprintf("%s%s/logs/%s.log", r.cfg.Prefix, builder, time.Now().UTC().Format("20060102T150405Z"))
	r.mu.Lock()
	logBody := append([]byte(nil), r.log.Bytes()...)
	r.mu.Unlock()
	if err := r.cfg.Store.Put(ctx, r.cfg.Bucket, logKey, logBody); err != nil {
		r.logf("could not write the log to s3://%s/%s: %v", r.cfg.Bucket, logKey, err)
	}
	if buildErr == nil {
		output, _ := json.Marshal(map[string]string{"imageName": imageName, "log": fmt.Sprintf("s3://%s/%s", r.cfg.Bucket, logKey)})
		if err := r.cfg.Reporter.Success(ctx, r.token, string(output)); err != nil {
			return OutcomeFailed, fmt.Errorf("SendTaskSuccess: %w", err)
		}
		return OutcomeSucceeded, nil
	}
	name, cause := "Agent.Error", buildErr.Error()
	var se *stepError
	if errors.As(buildErr, &se) {
		name, cause = se.name, se.cause
	}
	cause = fmt.Sprintf("%s (log: s3://%s/%s)", cause, r.cfg.Bucket, logKey)
	if len(cause) > 32768 { // SendTaskFailure's limit
		cause = cause[:32768]
	}
	if err := r.cfg.Reporter.Failure(ctx, r.token, name, cause); err != nil {
		return OutcomeFailed, fmt.Errorf("SendTaskFailure: %w", err)
	}
	return OutcomeFailed, nil
}

func (r *runner) build(ctx context.Context, req *Request) error {
	p := r.cfg.Platform
	if req.Recipe.Platform != p.Name {
		return fail("Recipe.Platform", "the recipe is for %s, and this agent runs the %s code path", req.Recipe.Platform, p.Name)
	}
	for i, c := range req.Recipe.Components {
		if err := r.component(ctx, i, len(req.Recipe.Components), c); err != nil {
			return err
		}
	}
	for _, a := range req.Recipe.Applications {
		args := []string{"add-application", "--name", a.Name, "--absolute-app-path", a.AbsoluteAppPath}
		args = appendOpt(args, "--display-name", a.DisplayName)
		args = appendOpt(args, "--absolute-icon-path", a.AbsoluteIconPath)
		args = appendOpt(args, "--working-directory", a.WorkingDirectory)
		args = appendOpt(args, "--launch-parameters", a.LaunchParameters)
		args = appendOpt(args, "--absolute-manifest-path", a.AbsoluteManifestPath)
		if err := r.assistant(ctx, "ImageAssistant.AddApplication", args); err != nil {
			return err
		}
	}
	if req.Recipe.DefaultProfile != nil {
		args := appendOpt([]string{"update-default-profile"}, "--profile", req.Recipe.DefaultProfile.Profile)
		if err := r.assistant(ctx, "ImageAssistant.UpdateDefaultProfile", args); err != nil {
			return err
		}
	}
	img := req.Recipe.Image
	args := []string{"create-image", "--name", req.ImageName}
	args = appendOpt(args, "--display-name", img.DisplayName)
	args = appendOpt(args, "--description", img.Description)
	args = append(args, flag(img.UseLatestAgentVersion, "use-latest-agent-version"), flag(img.DynamicAppCatalog, "enable-dynamic-app-catalog"))
	if len(img.Tags) > 0 {
		args = append(args, "--tags")
		for _, k := range sortedKeys(img.Tags) {
			args = append(args, k, img.Tags[k])
		}
	}
	// create-image is the point of no return (the builder stops answering and snapshots): make sure
	// Step Functions still waits, so that no image is made for an execution that has given up.
	if err := r.cfg.Reporter.Heartbeat(ctx, r.token); errors.Is(err, ErrTaskGone) {
		return fail("Agent.TaskGone", "Step Functions no longer waits for this build (%v): create-image not called", err)
	} else if err != nil {
		r.logf("heartbeat before create-image: %v", err)
	}
	// A dry run first: the Image Assistant checks the request without starting the snapshot, so a
	// refusal is reported while the builder still answers.
	if err := r.assistant(ctx, "ImageAssistant.CreateImage", append(append([]string(nil), args...), "--dry-run")); err != nil {
		return err
	}
	return r.assistant(ctx, "ImageAssistant.CreateImage", args)
}

func appendOpt(args []string, name, value string) []string {
	if value == "" {
		return args
	}
	return append(args, name, value)
}

func flag(on bool, name string) string {
	if on {
		return "--" + name
	}
	return "--no-" + name
}

// assistantAnswer is what every Image Assistant operation prints.
type assistantAnswer struct {
	Status  *int            `json:"status"`
	Message json.RawMessage `json:"message"`
}

// assistant runs one Image Assistant operation; it succeeded only when the program exits 0 and prints
// {"status": 0, ...}.
func (r *runner) assistant(ctx context.Context, errName string, args []string) error {
	r.logf("%s %s", r.cfg.Platform.Assistant, strings.Join(args, " "))
	cmd := exec.CommandContext(ctx, r.cfg.Platform.Assistant, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	r.logf("  -> %s%s", strings.TrimSpace(stdout.String()), strings.TrimSpace(stderr.String()))
	answer := lastAnswer(stdout.Bytes())
	if answer == nil {
		return fail(errName, "%s %s printed no JSON status (%v): %s%s", r.cfg.Platform.Assistant, args[0], runErr, tail(stdout.Bytes()), tail(stderr.Bytes()))
	}
	if *answer.Status != 0 || runErr != nil {
		return fail(errName, "%s %s refused (status %d, %v): %s", r.cfg.Platform.Assistant, strings.Join(args, " "), *answer.Status, runErr, string(answer.Message))
	}
	return nil
}

func lastAnswer(out []byte) *assistantAnswer {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	// The answer is a JSON object, maybe over several lines: try the longest tail first.
	for i := 0; i < len(lines); i++ {
		var a assistantAnswer
		if json.Unmarshal([]byte(strings.Join(lines[i:], "\n")), &a) == nil && a.Status != nil {
			return &a
		}
	}
	return nil
}

func tail(b []byte) string {
	const max = 4096
	if len(b) > max {
		return "…" + string(b[len(b)-max:])
	}
	return string(b)
}

// component runs one component with its timeout and checks its exit code.
func (r *runner) component(ctx context.Context, i, n int, c Component) error {
	p := r.cfg.Platform
	what := fmt.Sprintf("component %d of %d (%s)", i+1, n, c.Name)
	dir := filepath.Join(r.cfg.WorkDir, "components", fmt.Sprintf("%02d-%s", i+1, c.Name))
	if err := os.RemoveAll(dir); err != nil {
		return fail("Component.Setup", "%s: %v", what, err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fail("Component.Setup", "%s: %v", what, err)
	}
	var file string
	if c.Asset != nil {
		data, _, err := r.cfg.Store.Get(ctx, c.Asset.Bucket, c.Asset.Key)
		if err != nil {
			return fail("Component.Asset", "%s: reading s3://%s/%s: %v", what, c.Asset.Bucket, c.Asset.Key, err)
		}
		if file, err = unpack(dir, c.Asset, data); err != nil {
			return fail("Component.Asset", "%s: %v", what, err)
		}
	} else {
		file = p.InlineScript(dir)
		if err := os.WriteFile(file, []byte(c.Inline), 0o600); err != nil {
			return fail("Component.Setup", "%s: %v", what, err)
		}
	}
	argv, err := p.Command(file, c.Arguments)
	if err != nil {
		return fail("Component.Setup", "%s: %v", what, err)
	}
	timeout := time.Duration(c.TimeoutSeconds) * time.Second
	r.logf("%s: %s (timeout %s)", what, strings.Join(argv, " "), timeout)
	stepCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(stepCtx, argv[0], argv[1:]...)
	cmd.Dir = filepath.Dir(file)
	killTreeOnCancel(cmd)
	cmd.WaitDelay = 5 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	runErr := cmd.Run()
	r.logf("%s: output:\n%s", what, tail(out.Bytes()))
	if errors.Is(stepCtx.Err(), context.DeadlineExceeded) {
		return fail("Component.Timeout", "%s did not finish within %s; output: %s", what, timeout, tail(out.Bytes()))
	}
	if ctx.Err() != nil {
		return fail("Agent.Cancelled", "%s stopped: %v", what, ctx.Err())
	}
	code := 0
	var exitErr *exec.ExitError
	if errors.As(runErr, &exitErr) {
		code = exitErr.ExitCode()
	} else if runErr != nil {
		return fail("Component.Start", "%s: %v", what, runErr)
	}
	for _, ok := range c.SuccessExitCodes {
		if code == ok {
			r.logf("%s: exit code %d after %s", what, code, time.Since(start).Round(time.Millisecond))
			return nil
		}
	}
	return fail("Component.ExitCode", "%s exited with code %d (success: %v); output: %s", what, code, c.SuccessExitCodes, tail(out.Bytes()))
}

// unpack writes an asset into dir and returns the file to run.
func unpack(dir string, a *Asset, data []byte) (string, error) {
	run := filepath.Join(dir, filepath.FromSlash(a.Run))
	if !strings.HasPrefix(run, filepath.Clean(dir)+string(filepath.Separator)) {
		return "", fmt.Errorf("run %q is outside the asset", a.Run)
	}
	if a.Packaging == "FILE" {
		return run, os.WriteFile(run, data, 0o700)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("s3://%s/%s is not a zip archive: %v", a.Bucket, a.Key, err)
	}
	for _, f := range zr.File {
		target := filepath.Join(dir, filepath.FromSlash(f.Name))
		if !strings.HasPrefix(target, filepath.Clean(dir)+string(filepath.Separator)) {
			return "", fmt.Errorf("the archive's entry %q points outside it", f.Name)
		}
		if f.FileInfo().IsDir() {
			if err := os.MkdirAll(target, 0o700); err != nil {
				return "", err
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
			return "", err
		}
		if err := extract(f, target); err != nil {
			return "", err
		}
	}
	if _, err := os.Stat(run); err != nil {
		return "", fmt.Errorf("the archive has no %s", a.Run)
	}
	return run, nil
}

func extract(f *zip.File, target string) error {
	src, err := f.Open()
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o700)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
