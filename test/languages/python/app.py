"""The reference app in Python: twin of test/languages/typescript/app.ts (keep them in step).

`npm run test:languages` installs the wheel just built into a virtual environment, runs this file,
and requires its templates to equal the TypeScript twin's byte for byte (test/languages/run.ts).

Usage: python app.py OUTDIR CHECKS_OUTDIR
"""
import json
import os
import sys

import aws_cdk as cdk
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import cx_api

import cdk_appstream as appstream

REFERENCE_ENV = cdk.Environment(account="123456789012", region="us-east-1")
# As cdk.context.json would hold it after one lookup: the VPC needs no lookup then.
REFERENCE_CONTEXT = {
    "aws:cdk:disable-stack-trace": True,
    "availability-zones:account=123456789012:region=us-east-1": ["us-east-1a", "us-east-1b", "us-east-1c"],
}


def new_reference_app(outdir=None):
    """Analytics off, so no template names the language it came from."""
    return cdk.App(outdir=outdir, analytics_reporting=False, context=REFERENCE_CONTEXT)


def define_network(app):
    stack = cdk.Stack(app, "AppStreamRefNetwork", env=REFERENCE_ENV)
    vpc = ec2.Vpc(stack, "Vpc", max_azs=2, nat_gateways=1)
    streaming_endpoint = vpc.add_interface_endpoint(
        "AppStreamStreaming",
        service=ec2.InterfaceVpcEndpointAwsService("appstream.streaming"),
    )
    return {"vpc": vpc, "streaming_endpoint": streaming_endpoint}


def define_directory(app):
    stack = cdk.Stack(app, "AppStreamRefDirectory", env=REFERENCE_ENV)
    service_account = secretsmanager.Secret.from_secret_name_v2(stack, "ServiceAccount", "appstream/service-account")
    directory = appstream.DirectoryConfig(
        stack,
        "Directory",
        directory_name="corp.example.com",
        organizational_unit_distinguished_names=["OU=AppStream,DC=corp,DC=example,DC=com"],
        service_account_credentials=appstream.ServiceAccountCredentials.from_secret(service_account),
    )
    return {"directory": directory}


def define_image_builder(app, network, directory):
    stack = cdk.Stack(app, "AppStreamRefImageBuilder", env=REFERENCE_ENV)
    vpc = network["vpc"]
    # [readme:python]
    builder = appstream.ImageBuilder(
        stack,
        "Builder",
        image_builder_name="reference-builder",
        display_name="Reference image builder",
        image=appstream.Image.from_name("AppStream-WinServer2022-06-17-2024"),
        instance_type=appstream.InstanceType.STANDARD_MEDIUM,
        vpc=vpc,
        vpc_subnets=ec2.SubnetSelection(subnets=[vpc.private_subnets[0]]),
        domain_join=appstream.DomainJoin(
            directory=directory["directory"],
            organizational_unit_distinguished_name="OU=AppStream,DC=corp,DC=example,DC=com",
        ),
        access_endpoints=[appstream.AccessEndpoint.from_vpc_endpoint(network["streaming_endpoint"])],
        agent_version=appstream.AgentVersion.LATEST,
        root_volume_size=cdk.Size.gibibytes(250),
        tags={"project": "cdk-appstream-reference", "team": "desktops"},
    )

    admins = iam.Role(stack, "ImageAdmins", assumed_by=iam.AccountRootPrincipal())
    builder.grant_create_streaming_url(admins)
    builder.grant_start_stop(admins)
    # [/readme:python]
    cdk.Tags.of(stack).add("environment", "reference")
    return builder


def define_fleet_stack(app, network):
    stack = cdk.Stack(app, "AppStreamRefFleetStack", env=REFERENCE_ENV)
    vpc = network["vpc"]
    # [readme:python:fleet-stack]
    fleet = appstream.Fleet(
        stack,
        "Fleet",
        fleet_name="reference-fleet",
        image=appstream.Image.from_name("Reference-Image-2026-11-30"),
        instance_type=appstream.InstanceType.STANDARD_MEDIUM,
        fleet_type=appstream.FleetType.ON_DEMAND,
        capacity=appstream.FleetCapacity.instances(2),
        vpc=vpc,
        max_user_duration=cdk.Duration.hours(8),
        disconnect_timeout=cdk.Duration.minutes(15),
        idle_disconnect_timeout=cdk.Duration.minutes(10),
        tags={"project": "cdk-appstream-reference"},
    )
    fleet.auto_scale_capacity(min_capacity=1, max_capacity=10).scale_on_utilization("Utilization", target_utilization_percent=75)

    app_stack = appstream.Stack(
        stack,
        "Stack",
        stack_name="reference-stack",
        fleet=fleet,
        user_settings=[
            appstream.UserSetting.enable(appstream.UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, maximum_length=1024),
            appstream.UserSetting.disable(appstream.UserAction.FILE_DOWNLOAD),
        ],
        storage_connectors=[appstream.StorageConnector.home_folders()],
        access_endpoints=[appstream.AccessEndpoint.from_vpc_endpoint(network["streaming_endpoint"])],
        application_settings=appstream.ApplicationSettings(settings_group="reference"),
    )

    portal = iam.Role(stack, "Portal", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    app_stack.grant_create_streaming_url(portal)
    # [/readme:python:fleet-stack]
    cdk.Tags.of(stack).add("environment", "reference")
    return app_stack


def define_reference(app):
    """The whole reference app: one function per stack."""
    network = define_network(app)
    directory = define_directory(app)
    define_image_builder(app, network, directory)
    define_fleet_stack(app, network)


def check_error():
    """An invalid builder (two subnets) fails with our message, across the jsii boundary."""
    app = new_reference_app()
    stack = cdk.Stack(app, "Checks", env=REFERENCE_ENV)
    vpc = ec2.Vpc(stack, "Vpc", max_azs=2, nat_gateways=1)
    try:
        appstream.ImageBuilder(
            stack,
            "TwoSubnets",
            image=appstream.Image.from_name("AppStream-WinServer2022-06-17-2024"),
            instance_type=appstream.InstanceType.STANDARD_MEDIUM,
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnets=[vpc.private_subnets[0], vpc.private_subnets[1]]),
        )
    except Exception as e:  # jsii raises the JavaScript Error as a RuntimeError (JSIIError)
        message = f"{type(e).__name__}: {e}"
        missing = [f for f in ["'Checks/TwoSubnets'", "vpcSubnets", "exactly 1 subnet"] if f not in message]
        detail = message if not missing else f"lacks {', '.join(missing)}: {message}"
        return {"name": "error", "ok": not missing, "detail": detail}
    return {"name": "error", "ok": False, "detail": "no exception for a selection of two subnets"}


def check_warning(outdir):
    """An instance type the library does not list warns, and the warning reaches the assembly."""
    app = cdk.App(outdir=outdir, analytics_reporting=False)
    stack = cdk.Stack(app, "Warnings", env=REFERENCE_ENV)
    appstream.ImageBuilder(
        stack,
        "FutureType",
        image=appstream.Image.from_name("AppStream-WinServer2022-06-17-2024"),
        instance_type=appstream.InstanceType.of("stream.standard.future"),
    )
    messages = app.synth().get_stack_by_name("Warnings").messages
    for m in messages:
        if (
            m.level == cx_api.SynthesisMessageLevel.WARNING
            and m.id == "/Warnings/FutureType"
            and "cdk-appstream:imageBuilder:unknownInstanceType" in str(m.entry.data)
        ):
            return {"name": "warning", "ok": True, "detail": f"{m.id}: {m.entry.data}"}
    return {"name": "warning", "ok": False, "detail": f"no unknownInstanceType warning among {[str(m.entry.data) for m in messages]}"}


if __name__ == "__main__":
    outdir, checks_outdir = sys.argv[1], sys.argv[2]
    app = new_reference_app(outdir)
    define_reference(app)
    assembly = app.synth()
    print(f"synthesized {len(assembly.stacks)} stacks into {os.path.relpath(assembly.directory)}")
    checks = [check_error(), check_warning(checks_outdir)]
    for check in checks:
        print("@@check " + json.dumps(check))
    sys.exit(0 if all(c["ok"] for c in checks) else 1)
