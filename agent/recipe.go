// Package agent is the program that runs inside an AppStream image builder and builds an image from a
// recipe: it reads its build request from S3 with the builder's own role, runs the recipe's components
// in order, calls the Image Assistant, and reports to Step Functions with the request's task token.
//
// The request's shape is schema/request-v1.schema.json, the one contract with the library that renders
// it (lib/image-recipe.ts). testdata/request-v1.json is the fixture both sides' tests read.
package agent

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// SchemaVersion is the version of the request and recipe documents this agent reads.
const SchemaVersion = 1

// Request is one build: the recipe, the name of the image to make, and the task token to answer (from
// the object's metadata, not its body).
type Request struct {
	SchemaVersion    int    `json:"schemaVersion"`
	TaskToken        string `json:"-"`
	ImageName        string `json:"imageName"`
	HeartbeatSeconds int    `json:"heartbeatSeconds,omitempty"`
	Recipe           Recipe `json:"recipe"`
}

// Recipe is what ImageRecipe renders at synth.
type Recipe struct {
	SchemaVersion               int             `json:"schemaVersion"`
	Platform                    string          `json:"platform"`
	Components                  []Component     `json:"components"`
	Applications                []Application   `json:"applications"`
	DefaultProfile              *DefaultProfile `json:"defaultProfile,omitempty"`
	LicenseIncludedApplications []string        `json:"licenseIncludedApplications,omitempty"`
	Image                       ImageSettings   `json:"image"`
}

// Component is one step: an inline script or a file from S3, run with a timeout, its exit code checked.
type Component struct {
	Name             string   `json:"name"`
	Inline           string   `json:"inline,omitempty"`
	Asset            *Asset   `json:"asset,omitempty"`
	Arguments        []string `json:"arguments,omitempty"`
	TimeoutSeconds   int      `json:"timeoutSeconds"`
	SuccessExitCodes []int    `json:"successExitCodes"`
}

// Asset is a file or a zipped directory in S3.
type Asset struct {
	Bucket    string `json:"bucket"`
	Key       string `json:"key"`
	Packaging string `json:"packaging"`
	Run       string `json:"run"`
}

// Application is one add-application call; the members are those of CreateImportedImage's AppCatalogConfig.
type Application struct {
	Name                 string `json:"name"`
	AbsoluteAppPath      string `json:"absoluteAppPath"`
	DisplayName          string `json:"displayName,omitempty"`
	AbsoluteIconPath     string `json:"absoluteIconPath,omitempty"`
	AbsoluteManifestPath string `json:"absoluteManifestPath,omitempty"`
	WorkingDirectory     string `json:"workingDirectory,omitempty"`
	LaunchParameters     string `json:"launchParameters,omitempty"`
}

// DefaultProfile asks for update-default-profile (Windows only).
type DefaultProfile struct {
	Profile string `json:"profile,omitempty"`
}

// ImageSettings are create-image's options.
type ImageSettings struct {
	DisplayName           string            `json:"displayName,omitempty"`
	Description           string            `json:"description,omitempty"`
	UseLatestAgentVersion bool              `json:"useLatestAgentVersion"`
	DynamicAppCatalog     bool              `json:"dynamicAppCatalog"`
	Tags                  map[string]string `json:"tags,omitempty"`
}

// MaxApplications is the Image Assistant's limit on applications in an image's catalog.
const MaxApplications = 50

var (
	imageNamePattern     = regexp.MustCompile(`^[a-zA-Z0-9_.-]{1,100}$`)
	componentNamePattern = regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,99}$`)
	reservedImagePrefix  = regexp.MustCompile(`(?i)^(aws|appstream|amazon)`)
)

// ParseRequest reads a request strictly: an unknown member, a missing one or another schema version is
// an error, so that a library and an agent of different versions fail loudly instead of half-working.
//
// The object may hold the request's JSON text, or a JSON string whose value is that text: the pipeline
// writes the body with States.JsonToString, and a Step Functions engine that JSON-encodes a string
// given as an S3 Body (moto's normalisation, after LocalStack's, does; what AWS stores was not observed
// here) stores it quoted. Only one level is unwrapped.
func ParseRequest(data []byte, token string) (*Request, error) {
	if trimmed := bytes.TrimSpace(data); len(trimmed) > 0 && trimmed[0] == '"' {
		var text string
		if err := json.Unmarshal(trimmed, &text); err != nil {
			return nil, fmt.Errorf("the request is a JSON string that does not decode: %w", err)
		}
		data = []byte(text)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	r := Request{TaskToken: token}
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("the request is not a schema-version-%d request: %w", SchemaVersion, err)
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return &r, nil
}

// Validate checks what the schema requires and the Image Assistant's own limits.
func (r *Request) Validate() error {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if r.SchemaVersion != SchemaVersion || r.Recipe.SchemaVersion != SchemaVersion {
		add("schemaVersion is %d (recipe %d); this agent reads version %d", r.SchemaVersion, r.Recipe.SchemaVersion, SchemaVersion)
	}
	if r.TaskToken == "" {
		add("the request object has no task-token metadata")
	}
	if !imageNamePattern.MatchString(r.ImageName) || reservedImagePrefix.MatchString(r.ImageName) {
		add("imageName %q must be 1 to 100 letters, digits, '_', '.' or '-', not starting with aws, appstream or amazon", r.ImageName)
	}
	if r.HeartbeatSeconds < 0 || r.HeartbeatSeconds > 3600 {
		add("heartbeatSeconds %d must be from 1 to 3600", r.HeartbeatSeconds)
	}
	rec := r.Recipe
	if rec.Platform != PlatformWindows && rec.Platform != PlatformLinux {
		add("platform %q must be WINDOWS or LINUX", rec.Platform)
	}
	if rec.Components == nil || rec.Applications == nil {
		add("components and applications are required (empty lists are fine)")
	}
	for i, c := range rec.Components {
		if !componentNamePattern.MatchString(c.Name) {
			add("components[%d].name %q must be 1 to 100 letters, digits, '_', '.' or '-'", i, c.Name)
		}
		if (c.Inline == "") == (c.Asset == nil) {
			add("components[%d] (%s) must have exactly one of inline and asset", i, c.Name)
		}
		if c.Asset != nil && (c.Asset.Bucket == "" || c.Asset.Key == "" || c.Asset.Run == "" || (c.Asset.Packaging != "ZIP" && c.Asset.Packaging != "FILE")) {
			add("components[%d] (%s): asset needs bucket, key, run and packaging ZIP or FILE", i, c.Name)
		}
		if c.TimeoutSeconds < 1 || c.TimeoutSeconds > 86400 {
			add("components[%d] (%s): timeoutSeconds %d must be from 1 to 86400", i, c.Name, c.TimeoutSeconds)
		}
		if len(c.SuccessExitCodes) == 0 {
			add("components[%d] (%s): successExitCodes must not be empty", i, c.Name)
		}
	}
	if len(rec.Applications) > MaxApplications {
		add("applications has %d entries; the Image Assistant takes at most %d", len(rec.Applications), MaxApplications)
	}
	for i, a := range rec.Applications {
		if a.Name == "" || len(a.Name) > 256 || strings.ContainsAny(a.Name, " \t\r\n") {
			add("applications[%d].name %q must be 1 to 256 characters without spaces", i, a.Name)
		}
		if a.AbsoluteAppPath == "" {
			add("applications[%d] (%s): absoluteAppPath is required", i, a.Name)
		}
	}
	if rec.DefaultProfile != nil && rec.Platform != PlatformWindows {
		add("defaultProfile (update-default-profile) is a Windows operation; the recipe is for %s", rec.Platform)
	}
	if len(problems) > 0 {
		return fmt.Errorf("the request is invalid: %s", strings.Join(problems, "; "))
	}
	return nil
}
