package reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cdkappstream.AccessEndpoint;
import io.github.cdkappstream.AgentVersion;
import io.github.cdkappstream.ApplicationSettings;
import io.github.cdkappstream.DirectoryConfig;
import io.github.cdkappstream.DomainJoin;
import io.github.cdkappstream.Fleet;
import io.github.cdkappstream.FleetAutoScalingProps;
import io.github.cdkappstream.FleetCapacity;
import io.github.cdkappstream.FleetType;
import io.github.cdkappstream.FleetUtilizationScalingProps;
import io.github.cdkappstream.Image;
import io.github.cdkappstream.ImageBuilder;
import io.github.cdkappstream.InstanceType;
import io.github.cdkappstream.ServiceAccountCredentials;
import io.github.cdkappstream.StorageConnector;
import io.github.cdkappstream.UserAction;
import io.github.cdkappstream.UserSetting;
import io.github.cdkappstream.UserSettingOptions;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;

/**
 * The reference app in Java: twin of test/languages/typescript/app.ts (keep them in step).
 *
 * <p>`npm run test:languages` runs it against the Maven artifacts just built and requires its
 * templates to equal the TypeScript twin's byte for byte (test/languages/run.ts).
 *
 * <p>Arguments: OUTDIR CHECKS_OUTDIR.
 */
public final class ReferenceApp {
    static final Environment REFERENCE_ENV = Environment.builder().account("123456789012").region("us-east-1").build();
    /** As cdk.context.json would hold it after one lookup: the VPC needs no lookup then. */
    static final Map<String, Object> REFERENCE_CONTEXT = Map.of(
        "aws:cdk:disable-stack-trace", true,
        "availability-zones:account=123456789012:region=us-east-1", List.of("us-east-1a", "us-east-1b", "us-east-1c"));

    /** What the network stack gives the others. */
    record Network(Vpc vpc, InterfaceVpcEndpoint streamingEndpoint) {}

    /** What the directory stack gives the others. */
    record Directory(DirectoryConfig directory) {}

    /** Analytics off, so no template names the language it came from. */
    static App newReferenceApp(String outdir) {
        return new App(AppProps.builder().outdir(outdir).analyticsReporting(false).context(REFERENCE_CONTEXT).build());
    }

    static Network defineNetwork(App app) {
        Stack stack = new Stack(app, "AppStreamRefNetwork", StackProps.builder().env(REFERENCE_ENV).build());
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build();
        InterfaceVpcEndpoint streamingEndpoint = vpc.addInterfaceEndpoint("AppStreamStreaming",
            InterfaceVpcEndpointOptions.builder()
                .service(new InterfaceVpcEndpointAwsService("appstream.streaming"))
                .build());
        return new Network(vpc, streamingEndpoint);
    }

    static Directory defineDirectory(App app) {
        Stack stack = new Stack(app, "AppStreamRefDirectory", StackProps.builder().env(REFERENCE_ENV).build());
        ISecret serviceAccount = Secret.fromSecretNameV2(stack, "ServiceAccount", "appstream/service-account");
        DirectoryConfig directory = DirectoryConfig.Builder.create(stack, "Directory")
            .directoryName("corp.example.com")
            .organizationalUnitDistinguishedNames(List.of("OU=AppStream,DC=corp,DC=example,DC=com"))
            .serviceAccountCredentials(ServiceAccountCredentials.fromSecret(serviceAccount))
            .build();
        return new Directory(directory);
    }

    static ImageBuilder defineImageBuilder(App app, Network network, Directory directory) {
        Stack stack = new Stack(app, "AppStreamRefImageBuilder", StackProps.builder().env(REFERENCE_ENV).build());
        Vpc vpc = network.vpc();
        // [readme:java]
        ImageBuilder builder = ImageBuilder.Builder.create(stack, "Builder")
            .imageBuilderName("reference-builder")
            .displayName("Reference image builder")
            .image(Image.fromName("AppStream-WinServer2022-06-17-2024"))
            .instanceType(InstanceType.STANDARD_MEDIUM)
            .vpc(vpc)
            .vpcSubnets(SubnetSelection.builder().subnets(List.of(vpc.getPrivateSubnets().get(0))).build())
            .domainJoin(DomainJoin.builder()
                .directory(directory.directory())
                .organizationalUnitDistinguishedName("OU=AppStream,DC=corp,DC=example,DC=com")
                .build())
            .accessEndpoints(List.of(AccessEndpoint.fromVpcEndpoint(network.streamingEndpoint())))
            .agentVersion(AgentVersion.LATEST)
            .rootVolumeSize(Size.gibibytes(250))
            .tags(Map.of("project", "cdk-appstream-reference", "team", "desktops"))
            .build();

        Role admins = Role.Builder.create(stack, "ImageAdmins").assumedBy(new AccountRootPrincipal()).build();
        builder.grantCreateStreamingUrl(admins);
        builder.grantStartStop(admins);
        // [/readme:java]
        Tags.of(stack).add("environment", "reference");
        return builder;
    }

    /** The AppStream stack is written in full: `Stack` is the CloudFormation stack of aws-cdk-lib here. */
    static io.github.cdkappstream.Stack defineFleetStack(App app, Network network) {
        Stack stack = new Stack(app, "AppStreamRefFleetStack", StackProps.builder().env(REFERENCE_ENV).build());
        Vpc vpc = network.vpc();
        // [readme:java:fleet-stack]
        Fleet fleet = Fleet.Builder.create(stack, "Fleet")
            .fleetName("reference-fleet")
            .image(Image.fromName("Reference-Image-2026-11-30"))
            .instanceType(InstanceType.STANDARD_MEDIUM)
            .fleetType(FleetType.ON_DEMAND)
            .capacity(FleetCapacity.instances(2))
            .vpc(vpc)
            .maxUserDuration(Duration.hours(8))
            .disconnectTimeout(Duration.minutes(15))
            .idleDisconnectTimeout(Duration.minutes(10))
            .tags(Map.of("project", "cdk-appstream-reference"))
            .build();
        fleet.autoScaleCapacity(FleetAutoScalingProps.builder().minCapacity(1).maxCapacity(10).build())
            .scaleOnUtilization("Utilization", FleetUtilizationScalingProps.builder().targetUtilizationPercent(75).build());

        io.github.cdkappstream.Stack appStack = io.github.cdkappstream.Stack.Builder.create(stack, "Stack")
            .stackName("reference-stack")
            .fleet(fleet)
            .userSettings(List.of(
                UserSetting.enable(UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, UserSettingOptions.builder().maximumLength(1024).build()),
                UserSetting.disable(UserAction.FILE_DOWNLOAD)))
            .storageConnectors(List.of(StorageConnector.homeFolders()))
            .accessEndpoints(List.of(AccessEndpoint.fromVpcEndpoint(network.streamingEndpoint())))
            .applicationSettings(ApplicationSettings.builder().settingsGroup("reference").build())
            .build();

        Role portal = Role.Builder.create(stack, "Portal").assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build();
        appStack.grantCreateStreamingUrl(portal);
        // [/readme:java:fleet-stack]
        Tags.of(stack).add("environment", "reference");
        return appStack;
    }

    /** The whole reference app: one method per stack. */
    static void defineReference(App app) {
        Network network = defineNetwork(app);
        Directory directory = defineDirectory(app);
        defineImageBuilder(app, network, directory);
        defineFleetStack(app, network);
    }

    /** One check; run.ts reads the `@@check` lines. */
    record Check(String name, boolean ok, String detail) {
        String toJson() {
            return "{\"name\":" + quote(name) + ",\"ok\":" + ok + ",\"detail\":" + quote(detail) + "}";
        }
    }

    /** An invalid builder (two subnets) fails with our message, across the jsii boundary. */
    static Check checkError() {
        App app = newReferenceApp(null);
        Stack stack = new Stack(app, "Checks", StackProps.builder().env(REFERENCE_ENV).build());
        IVpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build();
        try {
            ImageBuilder.Builder.create(stack, "TwoSubnets")
                .image(Image.fromName("AppStream-WinServer2022-06-17-2024"))
                .instanceType(InstanceType.STANDARD_MEDIUM)
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder()
                    .subnets(List.of(vpc.getPrivateSubnets().get(0), vpc.getPrivateSubnets().get(1)))
                    .build())
                .build();
        } catch (RuntimeException e) { // software.amazon.jsii.JsiiError carries the JavaScript Error's message
            String message = e.getClass().getName() + ": " + e.getMessage();
            List<String> missing = new ArrayList<>();
            for (String fragment : List.of("'Checks/TwoSubnets'", "vpcSubnets", "exactly 1 subnet")) {
                if (!message.contains(fragment)) {
                    missing.add(fragment);
                }
            }
            return new Check("error", missing.isEmpty(),
                missing.isEmpty() ? message : "lacks " + String.join(", ", missing) + ": " + message);
        }
        return new Check("error", false, "no exception for a selection of two subnets");
    }

    /** An instance type the library does not list warns, and the warning reaches the assembly. */
    static Check checkWarning(String outdir) {
        App app = new App(AppProps.builder().outdir(outdir).analyticsReporting(false).build());
        Stack stack = new Stack(app, "Warnings", StackProps.builder().env(REFERENCE_ENV).build());
        ImageBuilder.Builder.create(stack, "FutureType")
            .image(Image.fromName("AppStream-WinServer2022-06-17-2024"))
            .instanceType(InstanceType.of("stream.standard.future"))
            .build();
        List<SynthesisMessage> messages = app.synth().getStackByName("Warnings").getMessages();
        List<String> seen = new ArrayList<>();
        for (SynthesisMessage m : messages) {
            String data = String.valueOf(m.getEntry().getData());
            if (m.getLevel() == SynthesisMessageLevel.WARNING && m.getId().equals("/Warnings/FutureType")
                && data.contains("cdk-appstream:imageBuilder:unknownInstanceType")) {
                return new Check("warning", true, m.getId() + ": " + data);
            }
            seen.add(data);
        }
        return new Check("warning", false, "no unknownInstanceType warning among " + seen);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    public static void main(String[] args) {
        App app = newReferenceApp(args[0]);
        defineReference(app);
        CloudAssembly assembly = app.synth();
        System.out.println("synthesized " + assembly.getStacks().size() + " stacks into "
            + Path.of("").toAbsolutePath().relativize(Path.of(assembly.getDirectory()).toAbsolutePath()));
        List<Check> checks = List.of(checkError(), checkWarning(args[1]));
        boolean ok = true;
        for (Check check : checks) {
            System.out.println("@@check " + check.toJson());
            ok &= check.ok();
        }
        System.exit(ok ? 0 : 1);
    }
}
