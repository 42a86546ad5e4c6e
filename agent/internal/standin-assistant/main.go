// Command standin-assistant stands in for the Image Assistant CLI in the agent's tests (there is no
// AppStream builder here). Installed on PATH as image-assistant.exe (the Windows program) or
// AppStreamImageAssistant (the Linux one), it checks its arguments against the documented CLI in
// cli.json, the same description the library's synth rules are tested against, and answers as the
// real one does: one JSON object {"status": N, "message": ...}, exit code 0 on success and 1 otherwise.
//
// Each call is appended to $STANDIN_ASSISTANT_LOG as one JSON line. $STANDIN_ASSISTANT_REFUSE names an
// operation (or operation:application name) to refuse with status 1, as a real builder refuses an
// application whose path does not exist.
package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

//go:embed cli.json
var cliJSON []byte

type operation struct {
	Platforms []string `json:"platforms"`
	Options   []string `json:"options"`
	Lists     []string `json:"lists"`
	Switches  []string `json:"switches"`
	Required  []string `json:"required"`
}

type cli struct {
	Programs   map[string]string    `json:"programs"`
	Operations map[string]operation `json:"operations"`
	Limits     struct {
		ApplicationName struct {
			MaxLength int `json:"maxLength"`
		} `json:"applicationName"`
		Applications struct {
			MaxItems int `json:"maxItems"`
		} `json:"applications"`
		ImageName struct {
			MaxLength        int      `json:"maxLength"`
			Pattern          string   `json:"pattern"`
			ReservedPrefixes []string `json:"reservedPrefixes"`
		} `json:"imageName"`
	} `json:"limits"`
}

func answer(status int, message any) {
	out, _ := json.Marshal(map[string]any{"status": status, "message": message})
	fmt.Println(string(out))
	if status != 0 {
		os.Exit(1)
	}
	os.Exit(0)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func main() {
	var c cli
	if err := json.Unmarshal(cliJSON, &c); err != nil {
		answer(255, err.Error())
	}
	program := filepath.Base(os.Args[0])
	platform := ""
	for p, name := range c.Programs {
		if name == program {
			platform = p
		}
	}
	if platform == "" {
		answer(255, fmt.Sprintf("stand-in installed under an unknown name %q", program))
	}
	if len(os.Args) < 2 {
		answer(1, "no operation given")
	}
	opName, args := os.Args[1], os.Args[2:]
	op, ok := c.Operations[opName]
	if !ok || !contains(op.Platforms, platform) {
		answer(1, fmt.Sprintf("%s: unknown operation %q", program, opName))
	}
	values := map[string]string{}
	tags := []string{}
	switches := []string{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case contains(op.Switches, a):
			switches = append(switches, a)
		case contains(op.Options, a):
			if i+1 >= len(args) || strings.HasPrefix(args[i+1], "--") {
				answer(1, fmt.Sprintf("%s takes a value", a))
			}
			if _, dup := values[a]; dup {
				answer(1, fmt.Sprintf("%s given twice", a))
			}
			values[a] = args[i+1]
			i++
		case contains(op.Lists, a):
			for i+1 < len(args) && !strings.HasPrefix(args[i+1], "--") {
				tags = append(tags, args[i+1])
				i++
			}
			if len(tags) == 0 || len(tags)%2 != 0 {
				answer(1, "--tags takes pairs of key and value")
			}
		default:
			answer(1, fmt.Sprintf("%s: unknown argument %q", opName, a))
		}
	}
	for _, r := range op.Required {
		if values[r] == "" {
			answer(1, fmt.Sprintf("%s requires %s", opName, r))
		}
	}
	if contains(switches, "--use-latest-agent-version") && contains(switches, "--no-use-latest-agent-version") ||
		contains(switches, "--enable-dynamic-app-catalog") && contains(switches, "--no-enable-dynamic-app-catalog") {
		answer(1, "a switch and its --no- form together")
	}
	stateDir := os.Getenv("STANDIN_ASSISTANT_STATE")
	apps := []string{}
	if stateDir != "" {
		if data, err := os.ReadFile(filepath.Join(stateDir, "apps.json")); err == nil {
			_ = json.Unmarshal(data, &apps)
		}
	}
	switch opName {
	case "add-application":
		name := values["--name"]
		if len(name) > c.Limits.ApplicationName.MaxLength || strings.ContainsAny(name, " \t") {
			answer(1, "the application name must be at most 256 characters without spaces")
		}
		if contains(apps, name) {
			answer(1, fmt.Sprintf("an application named %s already exists", name))
		}
		if len(apps) >= c.Limits.Applications.MaxItems {
			answer(1, "the catalog already has 50 applications")
		}
		apps = append(apps, name)
	case "create-image":
		name := values["--name"]
		lower := strings.ToLower(name)
		for _, p := range c.Limits.ImageName.ReservedPrefixes {
			if strings.HasPrefix(lower, p) {
				answer(1, fmt.Sprintf("the image name cannot start with %s", p))
			}
		}
		if len(name) > c.Limits.ImageName.MaxLength || !regexp.MustCompile(c.Limits.ImageName.Pattern).MatchString(name) {
			answer(1, "invalid image name")
		}
	}
	refuse := os.Getenv("STANDIN_ASSISTANT_REFUSE")
	if refuse == opName || refuse == opName+":"+values["--name"] {
		record(opName, args, 1)
		answer(1, fmt.Sprintf("%s refused (STANDIN_ASSISTANT_REFUSE)", opName))
	}
	if stateDir != "" && opName == "add-application" {
		data, _ := json.Marshal(apps)
		_ = os.WriteFile(filepath.Join(stateDir, "apps.json"), data, 0o600)
	}
	record(opName, args, 0)
	if opName == "create-image" && !contains(switches, "--dry-run") {
		answer(0, "Image creation started")
	}
	answer(0, "Success")
}

func record(op string, args []string, status int) {
	path := os.Getenv("STANDIN_ASSISTANT_LOG")
	if path == "" {
		return
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	line, _ := json.Marshal(map[string]any{"program": filepath.Base(os.Args[0]), "operation": op, "args": args, "status": status, "time": time.Now().UTC().Format(time.RFC3339Nano)})
	fmt.Fprintln(f, string(line))
}
