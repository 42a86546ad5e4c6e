// Command appstream-image-agent builds an AppStream image from a recipe, inside an image builder.
//
// Installed once into a base image as a startup task (SYSTEM on Windows, root on Linux), it does nothing
// on fleet instances; on an image builder it reads s3://<bucket>/<prefix><builder name>/request.json
// with the builder's role (the appstream_machine_role profile), runs the recipe, calls the Image
// Assistant, and answers Step Functions with the request's task token. It listens on no port and holds
// no secret.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sfn"

	agent "github.com/cdk-appstream/image-agent"
)

// settings are read from the file next to the program (written at installation), then from flags.
type settings struct {
	Bucket   string `json:"bucket"`
	Prefix   string `json:"prefix"`
	Region   string `json:"region"`
	Profile  string `json:"profile"`
	Platform string `json:"platform"`
	WorkDir  string `json:"workDir"`
}

func main() {
	os.Exit(run())
}

func run() int {
	exe, _ := os.Executable()
	s := settings{Profile: "appstream_machine_role", Platform: map[string]string{"windows": agent.PlatformWindows}[runtime.GOOS]}
	if s.Platform == "" {
		s.Platform = agent.PlatformLinux
	}
	configFile := flag.String("config", filepath.Join(filepath.Dir(exe), "appstream-image-agent.json"), "settings file (JSON: bucket, prefix, region, profile, platform, workDir)")
	bucket := flag.String("bucket", "", "bucket of the requests (overrides the settings file)")
	prefix := flag.String("prefix", "", "key prefix of the requests (overrides the settings file)")
	region := flag.String("region", "", "AWS Region (overrides the settings file)")
	profile := flag.String("profile", "", "shared-config profile; 'none' for the environment's credentials (default appstream_machine_role)")
	platform := flag.String("platform", "", "WINDOWS or LINUX (default: the operating system's)")
	workDir := flag.String("work-dir", "", "directory for assets and records (default: a folder next to the program)")
	endpoint := flag.String("endpoint-url", "", "AWS endpoint for every service (tests only)")
	wait := flag.Duration("wait", 2*time.Hour, "how long to wait for the request")
	poll := flag.Duration("poll", 20*time.Second, "wait between looks for the request")
	flag.Parse()

	if data, err := os.ReadFile(*configFile); err == nil {
		if err := json.Unmarshal(data, &s); err != nil {
			fmt.Fprintf(os.Stderr, "appstream-image-agent: %s: %v\n", *configFile, err)
			return 2
		}
	}
	for _, o := range []struct{ flag, dst *string }{{bucket, &s.Bucket}, {prefix, &s.Prefix}, {region, &s.Region}, {profile, &s.Profile}, {platform, &s.Platform}, {workDir, &s.WorkDir}} {
		if *o.flag != "" {
			*o.dst = *o.flag
		}
	}
	if s.WorkDir == "" {
		s.WorkDir = filepath.Join(filepath.Dir(exe), "work")
	}
	p, err := agent.PlatformNamed(s.Platform)
	if err != nil {
		fmt.Fprintf(os.Stderr, "appstream-image-agent: %v\n", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	cfg := agent.Config{Platform: p, Bucket: s.Bucket, Prefix: s.Prefix, WorkDir: s.WorkDir, Log: os.Stderr, PollInterval: *poll, WaitForRequest: *wait}
	// Dormancy is decided before any AWS configuration is loaded: on a fleet instance, nothing happens.
	if dormant, why := agent.Dormant(p, os.Getenv); dormant {
		fmt.Fprintf(os.Stderr, "appstream-image-agent: %s\n", why)
		return 0
	}
	if s.Bucket == "" {
		fmt.Fprintln(os.Stderr, "appstream-image-agent: no bucket: give -bucket or the settings file's bucket")
		return 2
	}
	if err := os.MkdirAll(s.WorkDir, 0o700); err != nil {
		fmt.Fprintf(os.Stderr, "appstream-image-agent: %v\n", err)
		return 2
	}
	opts := []func(*config.LoadOptions) error{}
	if s.Region != "" {
		opts = append(opts, config.WithRegion(s.Region))
	}
	if s.Profile != "none" {
		opts = append(opts, config.WithSharedConfigProfile(s.Profile))
	}
	// The machine role's profile appears some minutes after boot: wait for it as for the request.
	awsCfg, err := config.LoadDefaultConfig(ctx, opts...)
	for deadline := time.Now().Add(*wait); err != nil && time.Now().Before(deadline); {
		fmt.Fprintf(os.Stderr, "appstream-image-agent: AWS configuration: %v (trying again)\n", err)
		select {
		case <-ctx.Done():
			return 1
		case <-time.After(*poll):
		}
		awsCfg, err = config.LoadDefaultConfig(ctx, opts...)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "appstream-image-agent: AWS configuration: %v\n", err)
		return 1
	}
	if *endpoint != "" {
		awsCfg.BaseEndpoint = aws.String(*endpoint)
	}
	cfg.Store = agent.S3Store{Client: s3.NewFromConfig(awsCfg, func(o *s3.Options) { o.UsePathStyle = *endpoint != "" })}
	cfg.Reporter = agent.StepFunctions{Client: sfn.NewFromConfig(awsCfg)}
	outcome, err := agent.Run(ctx, cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "appstream-image-agent: %v\n", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "appstream-image-agent: %s\n", outcome)
	if outcome == agent.OutcomeFailed {
		return 1
	}
	return 0
}
