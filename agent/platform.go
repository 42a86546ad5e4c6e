package agent

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The platforms of a recipe, as the recipe document names them.
const (
	PlatformWindows = "WINDOWS"
	PlatformLinux   = "LINUX"
)

// Platform holds what differs between a Windows and a Linux builder. It is a value, not a build tag, so
// that the tests run both platforms' code paths on one machine; only killing a process tree on timeout
// is per operating system (proc_*.go).
type Platform struct {
	// Name is WINDOWS or LINUX, as in the recipe.
	Name string
	// Assistant is the Image Assistant command, found on PATH.
	Assistant string
	// SystemVarsFile is where a Linux builder writes AppStream_Resource_Type and AppStream_Resource_Name
	// (empty on Windows, where they are environment variables).
	SystemVarsFile string
}

// Windows is the platform of Windows builders.
func Windows() Platform {
	return Platform{Name: PlatformWindows, Assistant: "image-assistant.exe"}
}

// Linux is the platform of Linux builders.
func Linux() Platform {
	return Platform{Name: PlatformLinux, Assistant: "AppStreamImageAssistant", SystemVarsFile: "/etc/profile.d/appstream_system_vars.sh"}
}

// PlatformNamed returns the platform called name (WINDOWS or LINUX, any case).
func PlatformNamed(name string) (Platform, error) {
	switch strings.ToUpper(name) {
	case PlatformWindows:
		return Windows(), nil
	case PlatformLinux:
		return Linux(), nil
	}
	return Platform{}, fmt.Errorf("unknown platform %q: give WINDOWS or LINUX", name)
}

// SystemVar reads one of the variables AppStream sets on its instances: from the environment, then, on
// Linux, from the profile script AppStream writes (which a service started at boot does not source).
func (p Platform) SystemVar(name string, getenv func(string) string) string {
	if v := getenv(name); v != "" {
		return v
	}
	if p.SystemVarsFile == "" {
		return ""
	}
	f, err := os.Open(p.SystemVarsFile)
	if err != nil {
		return ""
	}
	defer f.Close()
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(scanner.Text()), "export "))
		if k, v, ok := strings.Cut(line, "="); ok && strings.TrimSpace(k) == name {
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return ""
}

// InlineScript is the file name an inline script is written to, and the command that runs it.
func (p Platform) InlineScript(dir string) string {
	if p.Name == PlatformWindows {
		return filepath.Join(dir, "inline.ps1")
	}
	return filepath.Join(dir, "inline.sh")
}

// Command is how a file is run on this platform, chosen by its extension.
func (p Platform) Command(file string, args []string) ([]string, error) {
	ext := strings.ToLower(filepath.Ext(file))
	if p.Name == PlatformWindows {
		switch ext {
		case ".ps1":
			return append([]string{"powershell.exe", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File", file}, args...), nil
		case ".bat", ".cmd":
			return append([]string{"cmd.exe", "/d", "/c", file}, args...), nil
		case ".msi":
			return append([]string{"msiexec.exe", "/i", file, "/qn", "/norestart"}, args...), nil
		case ".exe":
			return append([]string{file}, args...), nil
		}
		return nil, fmt.Errorf("cannot run %s on Windows: give a .ps1, .bat, .cmd, .exe or .msi file", filepath.Base(file))
	}
	if ext == ".sh" {
		return append([]string{"/bin/bash", file}, args...), nil
	}
	if err := os.Chmod(file, 0o755); err != nil {
		return nil, err
	}
	return append([]string{file}, args...), nil
}
