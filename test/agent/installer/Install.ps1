param([switch]$Quiet)
Write-Output "installing"
