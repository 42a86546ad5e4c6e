package agent

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
)

// These tests run the agent's binary against moto in server mode on 127.0.0.1: real S3 and a real
// Step Functions engine (moto's, with execute_state_machine), whose .waitForTaskToken task writes the
// request with the token in its metadata, as the pipeline's does. SendTaskHeartbeat, SendTaskSuccess
// and SendTaskFailure go to that engine, which checks the token and the heartbeat timeout.

var (
	motoOnce     sync.Once
	motoEndpoint string
	motoErr      error
	motoCmd      *exec.Cmd
	agentBinary  string
)

// motoServer is $MOTO_SERVER, or the project's venv (scripts/python-env.sh makes it).
func motoServer() string {
	if p := os.Getenv("MOTO_SERVER"); p != "" {
		return p
	}
	return filepath.Join("..", ".cache", "python", "bin", "moto_server")
}

func startMoto(t *testing.T) string {
	t.Helper()
	motoOnce.Do(func() {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			motoErr = err
			return
		}
		port := l.Addr().(*net.TCPAddr).Port
		l.Close()
		motoCmd = exec.Command(motoServer(), "-H", "127.0.0.1", "-p", fmt.Sprint(port))
		// moto's Step Functions engine calls S3 through moto_server_port(), read from MOTO_PORT.
		motoCmd.Env = append(os.Environ(), fmt.Sprintf("MOTO_PORT=%d", port))
		var logs bytes.Buffer
		motoCmd.Stdout, motoCmd.Stderr = &logs, &logs
		if motoErr = motoCmd.Start(); motoErr != nil {
			motoErr = fmt.Errorf("%v (set MOTO_SERVER, or run bash scripts/python-env.sh: npm run test:agent does)", motoErr)
			return
		}
		endpoint := fmt.Sprintf("http://127.0.0.1:%d", port)
		for i := 0; i < 150; i++ {
			if resp, err := http.Get(endpoint + "/moto-api/"); err == nil {
				resp.Body.Close()
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		resp, err := http.Post(endpoint+"/moto-api/config", "application/json", strings.NewReader(`{"stepfunctions": {"execute_state_machine": true}}`))
		if err != nil {
			motoErr = fmt.Errorf("moto_server did not start: %v\n%s", err, logs.String())
			return
		}
		resp.Body.Close()
		agentBinary = filepath.Join(standinBin, "appstream-image-agent")
		build := exec.Command("go", "build", "-o", agentBinary, "./cmd/appstream-image-agent")
		if out, err := build.CombinedOutput(); err != nil {
			motoErr = fmt.Errorf("building the agent: %v\n%s", err, out)
			return
		}
		motoEndpoint = endpoint
	})
	if motoErr != nil {
		t.Fatal(motoErr)
	}
	return motoEndpoint
}

func stopMoto() {
	if motoCmd != nil && motoCmd.Process != nil {
		motoCmd.Process.Kill()
		motoCmd.Wait()
	}
}

func awsConfig(endpoint string) aws.Config {
	return aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(endpoint),
		Credentials: credentials.NewStaticCredentialsProvider("testing", "testing", "")}
}

// pipelineDefinition is the pipeline's hand-over, cut down to it: one .waitForTaskToken task that
// writes the request and waits, with a heartbeat timeout, then the agent's answer as the output.
func pipelineDefinition(bucket, key string, heartbeat int) string {
	d := map[string]any{"StartAt": "AwaitAgent", "States": map[string]any{"AwaitAgent": map[string]any{
		"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:putObject.waitForTaskToken",
		"HeartbeatSeconds": heartbeat, "TimeoutSeconds": 120,
		"Parameters": map[string]any{"Bucket": bucket, "Key": key, "Body.$": "States.JsonToString($.request)",
			"Metadata": map[string]any{"task-token.$": "$$.Task.Token"}},
		"End": true}}}
	out, _ := json.Marshal(d)
	return string(out)
}

type motoRun struct {
	status, output, errName, cause string
	agentExit                      int
	agentLog                       string
}

var runCounter int

// runAgainstMoto starts an execution for req, runs the agent binary as a builder would, and waits for
// the execution to end (or gives up after a while, for the dormant case).
func runAgainstMoto(t *testing.T, p Platform, req *Request, heartbeat int, resourceType string) motoRun {
	t.Helper()
	endpoint := startMoto(t)
	ctx := context.Background()
	cfg := awsConfig(endpoint)
	s3c := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true })
	sfc := sfn.NewFromConfig(cfg)
	runCounter++
	bucket := fmt.Sprintf("recipes-%d", runCounter)
	if _, err := s3c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(bucket)}); err != nil {
		t.Fatal(err)
	}
	sm, err := sfc.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String(bucket), RoleArn: aws.String("arn:aws:iam::123456789012:role/pipeline"),
		Definition: aws.String(pipelineDefinition(bucket, "requests/"+testBuilder+"/request.json", heartbeat))})
	if err != nil {
		t.Fatal(err)
	}
	input, _ := json.Marshal(map[string]any{"request": req})
	ex, err := sfc.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: sm.StateMachineArn, Input: aws.String(string(input))})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	args := []string{"-platform", p.Name, "-bucket", bucket, "-prefix", "requests/", "-region", "us-east-1",
		"-profile", "none", "-work-dir", filepath.Join(dir, "work"), "-config", filepath.Join(dir, "none.json")}
	if p.Name == PlatformLinux {
		// As installed: the settings file next to the program says where the requests are.
		settings, _ := json.Marshal(map[string]string{"bucket": bucket, "prefix": "requests/", "region": "us-east-1", "profile": "none", "platform": "LINUX", "workDir": filepath.Join(dir, "work")})
		if err := os.WriteFile(filepath.Join(dir, "agent.json"), settings, 0o600); err != nil {
			t.Fatal(err)
		}
		args = []string{"-config", filepath.Join(dir, "agent.json")}
	}
	cmd := exec.Command(agentBinary, append(args, "-endpoint-url", endpoint, "-wait", "30s", "-poll", "100ms")...)
	env := append(os.Environ(), "AWS_ACCESS_KEY_ID=testing", "AWS_SECRET_ACCESS_KEY=testing", "AWS_EC2_METADATA_DISABLED=true")
	// Both platforms read the variables from the environment first (the Linux profile script is covered
	// by the unit tests).
	cmd.Env = append(env, "AppStream_Resource_Type="+resourceType, "AppStream_Resource_Name="+testBuilder)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	run := motoRun{}
	if err := cmd.Run(); err != nil {
		if exit, ok := err.(*exec.ExitError); ok {
			run.agentExit = exit.ExitCode()
		} else {
			t.Fatal(err)
		}
	}
	run.agentLog = log.String()
	t.Log(run.agentLog)
	// moto's engine sometimes takes some seconds to end an execution after the agent's answer.
	for i := 0; i < 600; i++ {
		d, err := sfc.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: ex.ExecutionArn})
		if err != nil {
			t.Fatal(err)
		}
		run.status = string(d.Status)
		if d.Status != "RUNNING" {
			run.output, run.errName, run.cause = aws.ToString(d.Output), aws.ToString(d.Error), aws.ToString(d.Cause)
			break
		}
		if resourceType != "imagebuilder" && i == 10 {
			sfc.StopExecution(ctx, &sfn.StopExecutionInput{ExecutionArn: ex.ExecutionArn})
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	return run
}

func TestAgainstMotoSuccessKeptAliveByHeartbeats(t *testing.T) {
	for _, p := range platforms {
		t.Run(p.Name, func(t *testing.T) {
			h := newHarness(t, p)
			// The task's heartbeat timeout is 2 s and the component runs 5 s: only heartbeats keep it.
			req := baseRequest(p, inline("slow", "sleep 5", 30))
			req.HeartbeatSeconds = 1
			run := runAgainstMoto(t, p, req, 2, "imagebuilder")
			if run.status != "SUCCEEDED" || run.agentExit != 0 {
				t.Fatalf("execution %s (%s: %s), agent exit %d", run.status, run.errName, run.cause, run.agentExit)
			}
			var output map[string]string
			if err := json.Unmarshal([]byte(run.output), &output); err != nil || output["imageName"] != req.ImageName || !strings.HasPrefix(output["log"], "s3://") {
				t.Errorf("execution output %q", run.output)
			}
			if !acceptedCreateImage(readCalls(h.reporter.log)) {
				t.Error("the execution succeeded without an accepted create-image")
			}
		})
	}
}

func TestAgainstMotoWithoutHeartbeatsTheTaskTimesOut(t *testing.T) {
	// The control for the test above: heartbeats every 30 s cannot keep a 2-second heartbeat timeout.
	h := newHarness(t, Linux())
	req := baseRequest(Linux(), inline("slow", "sleep 5", 30))
	req.HeartbeatSeconds = 30
	run := runAgainstMoto(t, Linux(), req, 2, "imagebuilder")
	// AWS names this error States.HeartbeatTimeout; moto 5.2.5's engine says States.Timeout.
	if run.status != "FAILED" || (run.errName != "States.HeartbeatTimeout" && run.errName != "States.Timeout") {
		t.Fatalf("execution %s (%s), want FAILED with a heartbeat timeout", run.status, run.errName)
	}
	if run.agentExit == 0 || !strings.Contains(run.agentLog, "SendTask") {
		t.Errorf("the agent should fail to answer a timed-out task (exit %d)", run.agentExit)
	}
	for _, c := range readCalls(h.reporter.log) {
		if c.Operation == "create-image" {
			t.Errorf("create-image was called after Step Functions gave up: %+v", c)
		}
	}
}

func TestAgainstMotoFailuresReachTheExecution(t *testing.T) {
	for _, p := range platforms {
		t.Run(p.Name+"/exit-code", func(t *testing.T) {
			newHarness(t, p)
			run := runAgainstMoto(t, p, baseRequest(p, inline("broken", "echo no licence; exit 4", 10)), 30, "imagebuilder")
			if run.status != "FAILED" || run.errName != "Component.ExitCode" {
				t.Errorf("execution %s (%s: %s)", run.status, run.errName, run.cause)
			}
			// moto 5.2.5 drops SendTaskFailure's cause (its handler passes only the error on), so the
			// cause is checked where the agent sent it from: its log, which says what it reported.
			if !strings.Contains(run.agentLog, "exited with code 4") || !strings.Contains(run.agentLog, "no licence") {
				t.Errorf("the agent's log does not give the cause: %s", run.agentLog)
			}
			if run.agentExit != 1 {
				t.Errorf("agent exit %d", run.agentExit)
			}
		})
		t.Run(p.Name+"/add-application", func(t *testing.T) {
			newHarness(t, p)
			t.Setenv("STANDIN_ASSISTANT_REFUSE", "add-application")
			run := runAgainstMoto(t, p, baseRequest(p), 30, "imagebuilder")
			if run.status != "FAILED" || run.errName != "ImageAssistant.AddApplication" {
				t.Errorf("execution %s (%s: %s)", run.status, run.errName, run.cause)
			}
		})
	}
}

func TestAgainstMotoDormantOnAFleetInstance(t *testing.T) {
	for _, p := range platforms {
		t.Run(p.Name, func(t *testing.T) {
			h := newHarness(t, p)
			run := runAgainstMoto(t, p, baseRequest(p, inline("never", "exit 1", 5)), 30, "fleet")
			if run.agentExit != 0 || !strings.Contains(run.agentLog, "dormant") {
				t.Errorf("agent exit %d, log %q", run.agentExit, run.agentLog)
			}
			// It never answered: the execution still waited until the test stopped it.
			if run.status != "RUNNING" || len(readCalls(h.reporter.log)) != 0 {
				t.Errorf("execution %s; Image Assistant calls %v", run.status, readCalls(h.reporter.log))
			}
		})
	}
}
