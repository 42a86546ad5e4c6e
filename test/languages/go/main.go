// The reference app in Go: twin of test/languages/typescript/app.ts (keep them in step).
//
// `npm run test:languages` runs it (`go run . OUTDIR CHECKS_OUTDIR`) against the Go module that
// jsii-pacmak just generated into dist/go (see the replace directives in go.mod), and requires its
// templates to equal the TypeScript twin's byte for byte (test/languages/run.ts).
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
	"github.com/aws/aws-cdk-go/awscdk/v2/cxapi"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-appstream/cdk-appstream-go/cdkappstream"
)

var referenceEnv = &awscdk.Environment{Account: jsii.String("123456789012"), Region: jsii.String("us-east-1")}

// As cdk.context.json would hold it after one lookup: the VPC needs no lookup then.
var referenceContext = map[string]interface{}{
	"aws:cdk:disable-stack-trace":                              true,
	"availability-zones:account=123456789012:region=us-east-1": []string{"us-east-1a", "us-east-1b", "us-east-1c"},
}

// Network is what the network stack gives the others.
type Network struct {
	Vpc               awsec2.Vpc
	StreamingEndpoint awsec2.InterfaceVpcEndpoint
}

// Directory is what the directory stack gives the others.
type Directory struct {
	Directory cdkappstream.DirectoryConfig
}

// newReferenceApp turns analytics off, so no template names the language it came from.
func newReferenceApp(outdir *string) awscdk.App {
	return awscdk.NewApp(&awscdk.AppProps{Outdir: outdir, AnalyticsReporting: jsii.Bool(false), Context: &referenceContext})
}

func defineNetwork(app awscdk.App) Network {
	stack := awscdk.NewStack(app, jsii.String("AppStreamRefNetwork"), &awscdk.StackProps{Env: referenceEnv})
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2), NatGateways: jsii.Number(1)})
	streamingEndpoint := vpc.AddInterfaceEndpoint(jsii.String("AppStreamStreaming"), &awsec2.InterfaceVpcEndpointOptions{
		Service: awsec2.NewInterfaceVpcEndpointAwsService(jsii.String("appstream.streaming"), nil, nil, nil),
	})
	return Network{Vpc: vpc, StreamingEndpoint: streamingEndpoint}
}

func defineDirectory(app awscdk.App) Directory {
	stack := awscdk.NewStack(app, jsii.String("AppStreamRefDirectory"), &awscdk.StackProps{Env: referenceEnv})
	serviceAccount := awssecretsmanager.Secret_FromSecretNameV2(stack, jsii.String("ServiceAccount"), jsii.String("appstream/service-account"))
	directory := cdkappstream.NewDirectoryConfig(stack, jsii.String("Directory"), &cdkappstream.DirectoryConfigProps{
		DirectoryName:                        jsii.String("corp.example.com"),
		OrganizationalUnitDistinguishedNames: jsii.Strings("OU=AppStream,DC=corp,DC=example,DC=com"),
		ServiceAccountCredentials:            cdkappstream.ServiceAccountCredentials_FromSecret(serviceAccount, nil),
	})
	return Directory{Directory: directory}
}

func defineImageBuilder(app awscdk.App, network Network, directory Directory) cdkappstream.ImageBuilder {
	stack := awscdk.NewStack(app, jsii.String("AppStreamRefImageBuilder"), &awscdk.StackProps{Env: referenceEnv})
	vpc := network.Vpc
	// [readme:go]
	builder := cdkappstream.NewImageBuilder(stack, jsii.String("Builder"), &cdkappstream.ImageBuilderProps{
		ImageBuilderName: jsii.String("reference-builder"),
		DisplayName:      jsii.String("Reference image builder"),
		Image:            cdkappstream.Image_FromName(jsii.String("AppStream-WinServer2022-06-17-2024")),
		InstanceType:     cdkappstream.InstanceType_STANDARD_MEDIUM(),
		Vpc:              vpc,
		VpcSubnets:       &awsec2.SubnetSelection{Subnets: &[]awsec2.ISubnet{(*vpc.PrivateSubnets())[0]}},
		DomainJoin: &cdkappstream.DomainJoin{
			Directory:                           directory.Directory,
			OrganizationalUnitDistinguishedName: jsii.String("OU=AppStream,DC=corp,DC=example,DC=com"),
		},
		AccessEndpoints: &[]cdkappstream.AccessEndpoint{cdkappstream.AccessEndpoint_FromVpcEndpoint(network.StreamingEndpoint)},
		AgentVersion:    cdkappstream.AgentVersion_LATEST(),
		RootVolumeSize:  awscdk.Size_Gibibytes(jsii.Number(250)),
		Tags:            &map[string]*string{"project": jsii.String("cdk-appstream-reference"), "team": jsii.String("desktops")},
	})

	admins := awsiam.NewRole(stack, jsii.String("ImageAdmins"), &awsiam.RoleProps{AssumedBy: awsiam.NewAccountRootPrincipal()})
	builder.GrantCreateStreamingUrl(admins)
	builder.GrantStartStop(admins)
	// [/readme:go]
	awscdk.Tags_Of(stack).Add(jsii.String("environment"), jsii.String("reference"), nil)
	return builder
}

func defineFleetStack(app awscdk.App, network Network) cdkappstream.Stack {
	stack := awscdk.NewStack(app, jsii.String("AppStreamRefFleetStack"), &awscdk.StackProps{Env: referenceEnv})
	vpc := network.Vpc
	// [readme:go:fleet-stack]
	fleet := cdkappstream.NewFleet(stack, jsii.String("Fleet"), &cdkappstream.FleetProps{
		FleetName:             jsii.String("reference-fleet"),
		Image:                 cdkappstream.Image_FromName(jsii.String("Reference-Image-2026-11-30")),
		InstanceType:          cdkappstream.InstanceType_STANDARD_MEDIUM(),
		FleetType:             cdkappstream.FleetType_ON_DEMAND,
		Capacity:              cdkappstream.FleetCapacity_Instances(jsii.Number(2)),
		Vpc:                   vpc,
		MaxUserDuration:       awscdk.Duration_Hours(jsii.Number(8)),
		DisconnectTimeout:     awscdk.Duration_Minutes(jsii.Number(15)),
		IdleDisconnectTimeout: awscdk.Duration_Minutes(jsii.Number(10)),
		Tags:                  &map[string]*string{"project": jsii.String("cdk-appstream-reference")},
	})
	fleet.AutoScaleCapacity(&cdkappstream.FleetAutoScalingProps{MinCapacity: jsii.Number(1), MaxCapacity: jsii.Number(10)}).
		ScaleOnUtilization(jsii.String("Utilization"), &cdkappstream.FleetUtilizationScalingProps{TargetUtilizationPercent: jsii.Number(75)})

	appStack := cdkappstream.NewStack(stack, jsii.String("Stack"), &cdkappstream.StackProps{
		StackName: jsii.String("reference-stack"),
		Fleet:     fleet,
		UserSettings: &[]cdkappstream.UserSetting{
			cdkappstream.UserSetting_Enable(cdkappstream.UserAction_CLIPBOARD_COPY_TO_LOCAL_DEVICE(), &cdkappstream.UserSettingOptions{MaximumLength: jsii.Number(1024)}),
			cdkappstream.UserSetting_Disable(cdkappstream.UserAction_FILE_DOWNLOAD()),
		},
		StorageConnectors:   &[]cdkappstream.StorageConnector{cdkappstream.StorageConnector_HomeFolders()},
		AccessEndpoints:     &[]cdkappstream.AccessEndpoint{cdkappstream.AccessEndpoint_FromVpcEndpoint(network.StreamingEndpoint)},
		ApplicationSettings: &cdkappstream.ApplicationSettings{SettingsGroup: jsii.String("reference")},
	})

	portal := awsiam.NewRole(stack, jsii.String("Portal"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil)})
	appStack.GrantCreateStreamingUrl(portal, nil)
	// [/readme:go:fleet-stack]
	awscdk.Tags_Of(stack).Add(jsii.String("environment"), jsii.String("reference"), nil)
	return appStack
}

// defineReference defines the whole reference app: one function per stack.
func defineReference(app awscdk.App) {
	network := defineNetwork(app)
	directory := defineDirectory(app)
	defineImageBuilder(app, network, directory)
	defineFleetStack(app, network)
}

// Check is one check; run.ts reads the `@@check` lines.
type Check struct {
	Name   string `json:"name"`
	Ok     bool   `json:"ok"`
	Detail string `json:"detail"`
}

// checkError: an invalid builder (two subnets) fails with our message, across the jsii boundary.
func checkError() (check Check) {
	app := newReferenceApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Checks"), &awscdk.StackProps{Env: referenceEnv})
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2), NatGateways: jsii.Number(1)})
	defer func() {
		r := recover() // jsii-runtime-go panics with the JavaScript Error's message
		if r == nil {
			check = Check{Name: "error", Ok: false, Detail: "no exception for a selection of two subnets"}
			return
		}
		message := fmt.Sprintf("%T: %v", r, r)
		var missing []string
		for _, fragment := range []string{"'Checks/TwoSubnets'", "vpcSubnets", "exactly 1 subnet"} {
			if !strings.Contains(message, fragment) {
				missing = append(missing, fragment)
			}
		}
		detail := message
		if len(missing) > 0 {
			detail = "lacks " + strings.Join(missing, ", ") + ": " + message
		}
		check = Check{Name: "error", Ok: len(missing) == 0, Detail: detail}
	}()
	subnets := *vpc.PrivateSubnets()
	cdkappstream.NewImageBuilder(stack, jsii.String("TwoSubnets"), &cdkappstream.ImageBuilderProps{
		Image:        cdkappstream.Image_FromName(jsii.String("AppStream-WinServer2022-06-17-2024")),
		InstanceType: cdkappstream.InstanceType_STANDARD_MEDIUM(),
		Vpc:          vpc,
		VpcSubnets:   &awsec2.SubnetSelection{Subnets: &[]awsec2.ISubnet{subnets[0], subnets[1]}},
	})
	return Check{}
}

// checkWarning: an instance type the library does not list warns, and the warning reaches the assembly.
func checkWarning(outdir string) Check {
	app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(outdir), AnalyticsReporting: jsii.Bool(false)})
	stack := awscdk.NewStack(app, jsii.String("Warnings"), &awscdk.StackProps{Env: referenceEnv})
	cdkappstream.NewImageBuilder(stack, jsii.String("FutureType"), &cdkappstream.ImageBuilderProps{
		Image:        cdkappstream.Image_FromName(jsii.String("AppStream-WinServer2022-06-17-2024")),
		InstanceType: cdkappstream.InstanceType_Of(jsii.String("stream.standard.future")),
	})
	messages := *app.Synth(nil).GetStackByName(jsii.String("Warnings")).Messages()
	var seen []string
	for _, m := range messages {
		data := fmt.Sprint(m.Entry.Data)
		if m.Level == cxapi.SynthesisMessageLevel_WARNING && *m.Id == "/Warnings/FutureType" &&
			strings.Contains(data, "cdk-appstream:imageBuilder:unknownInstanceType") {
			return Check{Name: "warning", Ok: true, Detail: *m.Id + ": " + data}
		}
		seen = append(seen, data)
	}
	return Check{Name: "warning", Ok: false, Detail: fmt.Sprintf("no unknownInstanceType warning among %q", seen)}
}

func main() {
	defer jsii.Close()
	outdir, checksOutdir := os.Args[1], os.Args[2]
	app := newReferenceApp(jsii.String(outdir))
	defineReference(app)
	assembly := app.Synth(nil)
	cwd, _ := os.Getwd()
	dir, _ := filepath.Abs(*assembly.Directory())
	rel, _ := filepath.Rel(cwd, dir)
	fmt.Printf("synthesized %d stacks into %s\n", len(*assembly.Stacks()), rel)
	ok := true
	for _, check := range []Check{checkError(), checkWarning(checksOutdir)} {
		line, _ := json.Marshal(check)
		fmt.Printf("@@check %s\n", line)
		ok = ok && check.Ok
	}
	if !ok {
		jsii.Close()
		os.Exit(1)
	}
}
