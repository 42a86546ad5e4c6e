package agent

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestBuildsTheRecipeAndReportsSuccessAfterCreateImage(t *testing.T) {
	for _, p := range platforms {
		t.Run(p.Name, func(t *testing.T) {
			h := newHarness(t, p)
			order := filepath.Join(h.dir, "order.txt")
			h.putRequest(baseRequest(p,
				inline("first", "echo first >> "+order, 10),
				// A non-zero code the recipe lists as success (msiexec's 3010, "reboot needed", on Windows; POSIX exit codes stop at 255).
				inline("second", "echo second >> "+order+"; exit 7", 10, 0, 7),
			))
			outcome, err := h.run(20 * time.Second)
			if err != nil || outcome != OutcomeSucceeded {
				t.Fatalf("outcome %s, error %v", outcome, err)
			}
			ran, _ := os.ReadFile(order)
			if string(ran) != "first\nsecond\n" {
				t.Errorf("components ran as %q, want first then second", ran)
			}
			final := h.reporter.final(t)
			if final.kind != "success" || final.token != "token-"+p.Name {
				t.Fatalf("final report %+v", final)
			}
			var output map[string]string
			if err := json.Unmarshal([]byte(final.detail), &output); err != nil || output["imageName"] != "Crm-20261201T030000Z" {
				t.Errorf("success output %q", final.detail)
			}
			// Success went out only once the stand-in had accepted a real (not dry-run) create-image.
			if !acceptedCreateImage(final.assistantCalls) {
				t.Errorf("success reported before create-image accepted; calls so far: %+v", final.assistantCalls)
			}
			calls := readCalls(h.reporter.log)
			var ops []string
			for _, c := range calls {
				ops = append(ops, c.Operation)
				if c.Program != p.Assistant {
					t.Errorf("called %s, want %s", c.Program, p.Assistant)
				}
			}
			want := []string{"add-application", "create-image", "create-image"}
			if p.Name == PlatformWindows {
				want = []string{"add-application", "update-default-profile", "create-image", "create-image"}
			}
			if !reflect.DeepEqual(ops, want) {
				t.Errorf("Image Assistant operations %v, want %v", ops, want)
			}
			add := calls[0].Args
			wantAdd := []string{"--name", "Crm", "--absolute-app-path", baseRequest(p).Recipe.Applications[0].AbsoluteAppPath, "--display-name", "CRM", "--launch-parameters", "kiosk.cfg"}
			if !reflect.DeepEqual(add, wantAdd) {
				t.Errorf("add-application %v, want %v", add, wantAdd)
			}
			dry, real := calls[len(calls)-2].Args, calls[len(calls)-1].Args
			wantCreate := []string{"--name", "Crm-20261201T030000Z", "--display-name", "CRM", "--description", "test image",
				"--use-latest-agent-version", "--no-enable-dynamic-app-catalog", "--tags", "cost-center", "42", "team", "crm"}
			if !reflect.DeepEqual(real, wantCreate) || !reflect.DeepEqual(dry, append(append([]string(nil), wantCreate...), "--dry-run")) {
				t.Errorf("create-image calls %v then %v, want the dry run of %v first", dry, real, wantCreate)
			}
			if logs := h.store.keys(testBucket + "/requests/" + testBuilder + "/logs/"); len(logs) != 1 {
				t.Errorf("want one log written to S3, got %v", logs)
			}
		})
	}
}

func TestStopsAtTheFirstFailingComponent(t *testing.T) {
	for _, p := range platforms {
		t.Run(p.Name, func(t *testing.T) {
			h := newHarness(t, p)
			order := filepath.Join(h.dir, "order.txt")
			h.putRequest(baseRequest(p,
				inline("first", "echo first >> "+order, 10),
				inline("second", "echo broken installer; exit 3", 10),
				inline("third", "echo third >> "+order, 10),
			))
			outcome, err := h.run(20 * time.Second)
			if err != nil || outcome != OutcomeFailed {
				t.Fatalf("outcome %s, error %v", outcome, err)
			}
			ran, _ := os.ReadFile(order)
			if string(ran) != "first\n" {
				t.Errorf("components ran as %q: the third must not run after the second failed", ran)
			}
			final := h.reporter.final(t)
			if final.kind != "failure" || final.name != "Component.ExitCode" {
				t.Fatalf("final report %+v", final)
			}
			for _, want := range []string{"component 2 of 3 (second)", "exited with code 3", "broken installer"} {
				if !strings.Contains(final.detail, want) {
					t.Errorf("cause %q does not say %q", final.detail, want)
				}
			}
			if calls := readCalls(h.reporter.log); len(calls) != 0 {
				t.Errorf("the Image Assistant was called after a failed component: %+v", calls)
			}
		})
	}
}

func TestAComponentThatOutlivesItsTimeoutIsKilledAndReported(t *testing.T) {
	for _, p := range platforms {
		t.Run(p.Name, func(t *testing.T) {
			h := newHarness(t, p)
			marker := filepath.Join(h.dir, "child-survived")
			// The child of the script must die too: the whole process tree is ended.
			h.putRequest(baseRequest(p, inline("hangs", "(sleep 3; echo survived > "+marker+") & sleep 30", 1)))
			start := time.Now()
			outcome, err := h.run(20 * time.Second)
			if err != nil || outcome != OutcomeFailed {
				t.Fatalf("outcome %s, error %v", outcome, err)
			}
			if elapsed := time.Since(start); elapsed > 8*time.Second {
				t.Errorf("the 1-second timeout took %s", elapsed)
			}
			final := h.reporter.final(t)
			if final.name != "Component.Timeout" || !strings.Contains(final.detail, "did not finish within 1s") {
				t.Fatalf("final report %+v", final)
			}
			time.Sleep(4 * time.Second)
			if _, err := os.Stat(marker); err == nil {
				t.Error("the component's child process outlived the timeout")
			}
		})
	}
}

func TestHeartbeatsWhileComponentsRun(t *testing.T) {
	for _, p := range platforms {
		t.Run(p.Name, func(t *testing.T) {
			h := newHarness(t, p)
			req := baseRequest(p, inline("slow", "sleep 3", 10))
			req.HeartbeatSeconds = 1
			h.putRequest(req)
			outcome, err := h.run(20 * time.Second)
			if err != nil || outcome != OutcomeSucceeded {
				t.Fatalf("outcome %s, error %v", outcome, err)
			}
			if n := h.reporter.count("heartbeat"); n < 3 { // two while it runs, one before create-image
				t.Errorf("%d heartbeats during a 3-second component at one a second", n)
			}
			last := h.reporter.reports[len(h.reporter.reports)-1]
			if last.kind != "success" {
				t.Errorf("a heartbeat came after the final report: %+v", last)
			}
		})
	}
}

func TestStopsWhenStepFunctionsNoLongerWaits(t *testing.T) {
	h := newHarness(t, Linux())
	h.reporter.heartbeatErr = fmt.Errorf("%w: TaskTimedOut", ErrTaskGone)
	req := baseRequest(Linux(), inline("slow", "sleep 20", 60))
	req.HeartbeatSeconds = 1
	h.putRequest(req)
	start := time.Now()
	outcome, err := h.run(30 * time.Second)
	if err != nil || outcome != OutcomeFailed || time.Since(start) > 10*time.Second {
		t.Fatalf("outcome %s, error %v after %s", outcome, err, time.Since(start))
	}
	if final := h.reporter.final(t); final.name != "Agent.Cancelled" {
		t.Errorf("final report %+v", final)
	}
	if calls := readCalls(h.reporter.log); len(calls) != 0 {
		t.Errorf("the build went on to the Image Assistant: %+v", calls)
	}
}

func TestAddApplicationRefused(t *testing.T) {
	for _, p := range platforms {
		t.Run(p.Name, func(t *testing.T) {
			h := newHarness(t, p)
			t.Setenv("STANDIN_ASSISTANT_REFUSE", "add-application:Crm")
			h.putRequest(baseRequest(p))
			outcome, err := h.run(20 * time.Second)
			if err != nil || outcome != OutcomeFailed {
				t.Fatalf("outcome %s, error %v", outcome, err)
			}
			final := h.reporter.final(t)
			if final.name != "ImageAssistant.AddApplication" || !strings.Contains(final.detail, "refused (status 1") {
				t.Fatalf("final report %+v", final)
			}
			for _, c := range readCalls(h.reporter.log) {
				if c.Operation == "create-image" {
					t.Errorf("create-image called after add-application was refused")
				}
			}
		})
	}
}

func TestCreateImageRefusedIsNeverASuccess(t *testing.T) {
	for _, p := range platforms {
		t.Run(p.Name, func(t *testing.T) {
			h := newHarness(t, p)
			t.Setenv("STANDIN_ASSISTANT_REFUSE", "create-image")
			h.putRequest(baseRequest(p))
			outcome, _ := h.run(20 * time.Second)
			if outcome != OutcomeFailed {
				t.Fatalf("outcome %s", outcome)
			}
			if final := h.reporter.final(t); final.kind != "failure" || final.name != "ImageAssistant.CreateImage" {
				t.Errorf("final report %+v", final)
			}
		})
	}
}

func TestAnImageNameTheImageAssistantRefusesFailsBeforeAnyStep(t *testing.T) {
	h := newHarness(t, Windows())
	req := baseRequest(Windows(), inline("never", "exit 0", 5))
	req.ImageName = "AppStream-Crm"
	h.putRequest(req)
	outcome, err := h.run(10 * time.Second)
	if err != nil || outcome != OutcomeFailed {
		t.Fatalf("outcome %s, error %v", outcome, err)
	}
	if final := h.reporter.final(t); final.name != "Recipe.Invalid" || !strings.Contains(final.detail, "not starting with aws, appstream or amazon") {
		t.Errorf("final report %+v", final)
	}
}

func TestDormantOnAFleetInstance(t *testing.T) {
	for _, p := range platforms {
		for _, kind := range []string{"fleet", ""} {
			t.Run(p.Name+"/"+kind, func(t *testing.T) {
				h := newHarness(t, p)
				h.setResourceType(kind)
				h.putRequest(baseRequest(p, inline("must-not-run", "exit 1", 5)))
				h.store.calls = 0
				outcome, err := h.run(5 * time.Second)
				if err != nil || outcome != OutcomeDormant {
					t.Fatalf("outcome %s, error %v", outcome, err)
				}
				if h.store.calls != 0 || len(h.reporter.reports) != 0 {
					t.Errorf("a dormant agent made %d S3 calls and %d Step Functions calls", h.store.calls, len(h.reporter.reports))
				}
				if !strings.Contains(h.out.String(), "dormant") {
					t.Errorf("the log does not say why: %s", h.out.String())
				}
			})
		}
	}
}

func TestUpdateDefaultProfileIsRefusedOnLinux(t *testing.T) {
	h := newHarness(t, Linux())
	req := baseRequest(Linux())
	req.Recipe.DefaultProfile = &DefaultProfile{}
	h.putRequest(req)
	outcome, _ := h.run(10 * time.Second)
	if final := h.reporter.final(t); outcome != OutcomeFailed || final.name != "Recipe.Invalid" || !strings.Contains(final.detail, "Windows operation") {
		t.Errorf("outcome %s, final report %+v", outcome, final)
	}
}

func TestARecipeForTheOtherPlatformFails(t *testing.T) {
	h := newHarness(t, Linux())
	req := baseRequest(Windows())
	h.putRequest(req)
	outcome, _ := h.run(10 * time.Second)
	if final := h.reporter.final(t); outcome != OutcomeFailed || final.name != "Recipe.Platform" {
		t.Errorf("outcome %s, final report %+v", outcome, final)
	}
}

func TestAnUnknownMemberFailsTheRequestWithItsToken(t *testing.T) {
	h := newHarness(t, Linux())
	data, _ := json.Marshal(baseRequest(Linux()))
	h.putRaw(bytes.Replace(data, []byte(`"imageName"`), []byte(`"extra":1,"imageName"`), 1), "token-LINUX")
	outcome, _ := h.run(10 * time.Second)
	final := h.reporter.final(t)
	if outcome != OutcomeFailed || final.name != "Recipe.Invalid" || final.token != "token-LINUX" || !strings.Contains(final.detail, `unknown field "extra"`) {
		t.Errorf("outcome %s, final report %+v", outcome, final)
	}
}

func TestNoRequestIsAnErrorAfterTheWait(t *testing.T) {
	h := newHarness(t, Linux())
	outcome, err := h.run(10 * time.Second)
	if outcome != OutcomeFailed || err == nil || !errors.Is(err, ErrNotFound) || len(h.reporter.reports) != 0 {
		t.Errorf("outcome %s, error %v, reports %+v", outcome, err, h.reporter.reports)
	}
}

func TestARequestIsBuiltOnce(t *testing.T) {
	h := newHarness(t, Linux())
	h.putRequest(baseRequest(Linux()))
	if outcome, _ := h.run(10 * time.Second); outcome != OutcomeSucceeded {
		t.Fatalf("first run: %s", outcome)
	}
	// After a reboot of the builder the agent starts again, finds the same request, and leaves it.
	if outcome, _ := h.run(10 * time.Second); outcome != OutcomeDormant {
		t.Errorf("second run: %s", outcome)
	}
	if n := h.reporter.count("success"); n != 1 {
		t.Errorf("%d successes reported for one request", n)
	}
}

func zipOf(t *testing.T, files map[string]string) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, body := range files {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(body))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestAssetsFromS3(t *testing.T) {
	cases := []struct {
		platform Platform
		run      string
	}{{Windows(), "setup/Install.ps1"}, {Windows(), "installer.exe"}, {Linux(), "setup/install.sh"}, {Linux(), "installer"}}
	for _, c := range cases {
		t.Run(c.platform.Name+"/"+c.run, func(t *testing.T) {
			h := newHarness(t, c.platform)
			marker := filepath.Join(h.dir, "installed")
			script := "echo \"$1 from $(pwd)\" > " + marker + "\n"
			if !strings.HasSuffix(c.run, ".ps1") && !strings.HasSuffix(c.run, ".sh") {
				script = "#!/bin/sh\n" + script // an executable, as an .exe installer is on Windows
			}
			h.store.objects["installers/crm.zip"] = zipOf(t, map[string]string{c.run: script, "setup/data.txt": "x"})
			h.putRequest(baseRequest(c.platform, Component{Name: "crm", Asset: &Asset{Bucket: "installers", Key: "crm.zip", Packaging: "ZIP", Run: c.run},
				Arguments: []string{"-Quiet"}, TimeoutSeconds: 10, SuccessExitCodes: []int{0}}))
			if outcome, err := h.run(20 * time.Second); outcome != OutcomeSucceeded {
				t.Fatalf("outcome %s, error %v, report %+v", outcome, err, h.reporter.reports)
			}
			got, _ := os.ReadFile(marker)
			wantDir := filepath.Join("components", "01-crm", filepath.Dir(filepath.FromSlash(c.run)))
			if !strings.HasPrefix(string(got), "-Quiet from ") || !strings.HasSuffix(strings.TrimSpace(string(got)), wantDir) {
				t.Errorf("the asset ran as %q", got)
			}
		})
	}
}

func TestAFileAssetIsSavedUnderItsName(t *testing.T) {
	h := newHarness(t, Linux())
	marker := filepath.Join(h.dir, "ran")
	h.store.objects["installers/abc123.sh"] = []byte("echo ok > " + marker)
	h.putRequest(baseRequest(Linux(), Component{Name: "file", Asset: &Asset{Bucket: "installers", Key: "abc123.sh", Packaging: "FILE", Run: "install.sh"}, TimeoutSeconds: 5, SuccessExitCodes: []int{0}}))
	if outcome, _ := h.run(10 * time.Second); outcome != OutcomeSucceeded {
		t.Fatalf("outcome %s: %+v", outcome, h.reporter.reports)
	}
	if _, err := os.Stat(marker); err != nil {
		t.Error("the file asset did not run")
	}
}

func TestAnArchiveEntryOutsideTheAssetFails(t *testing.T) {
	h := newHarness(t, Linux())
	h.store.objects["installers/evil.zip"] = zipOf(t, map[string]string{"../../escape.sh": "exit 0", "install.sh": "exit 0"})
	h.putRequest(baseRequest(Linux(), Component{Name: "evil", Asset: &Asset{Bucket: "installers", Key: "evil.zip", Packaging: "ZIP", Run: "install.sh"}, TimeoutSeconds: 5, SuccessExitCodes: []int{0}}))
	h.run(10 * time.Second)
	if final := h.reporter.final(t); final.name != "Component.Asset" || !strings.Contains(final.detail, "outside") {
		t.Errorf("final report %+v", final)
	}
}

func TestWindowsRunsEachKindOfFileWithItsRunner(t *testing.T) {
	w := Windows()
	for file, first := range map[string]string{"a.ps1": "powershell.exe", "a.BAT": "cmd.exe", "a.cmd": "cmd.exe", "a.msi": "msiexec.exe", "a.exe": "a.exe"} {
		argv, err := w.Command(file, []string{"x"})
		if err != nil || argv[0] != first || argv[len(argv)-1] != "x" {
			t.Errorf("%s: %v, %v", file, argv, err)
		}
	}
	if _, err := w.Command("a.sh", nil); err == nil {
		t.Error("a .sh file on Windows must fail")
	}
}
