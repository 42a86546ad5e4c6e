//go:build windows

package agent

import (
	"os/exec"
	"strconv"
)

// killTreeOnCancel makes a timeout end the component's whole process tree (an installer's children too).
func killTreeOnCancel(cmd *exec.Cmd) {
	cmd.Cancel = func() error {
		kill := exec.Command("taskkill.exe", "/T", "/F", "/PID", strconv.Itoa(cmd.Process.Pid))
		if err := kill.Run(); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
}
