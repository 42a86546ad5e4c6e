//go:build !windows

package agent

import (
	"os/exec"
	"syscall"
)

// killTreeOnCancel makes a timeout end the component's whole process group, not just its first process.
func killTreeOnCancel(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
